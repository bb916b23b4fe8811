#ifndef LINGKAR_CCURL_SHIM_H
#define LINGKAR_CCURL_SHIM_H
#include <curl/curl.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

// Swift cannot call C variadic functions, so every variadic libcurl entry point
// Lingkar uses gets one typed wrapper per argument kind.

static inline CURLcode CCurl_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode CCurl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode CCurl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode CCurl_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode CCurl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode CCurl_easy_setopt_write_function(CURL *h, CURLoption o, curl_write_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode CCurl_easy_setopt_read_function(CURL *h, CURLoption o, curl_read_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode CCurl_easy_setopt_xferinfo_function(CURL *h, CURLoption o, curl_xferinfo_callback v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode CCurl_easy_setopt_opensocket_function(CURL *h, CURLoption o, curl_opensocket_callback v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode CCurl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode CCurl_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode CCurl_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode CCurl_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode CCurl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

// Macros Swift does not import (composite or too wide for the callback's return type).
static const size_t CCurl_writefunc_pause = CURL_WRITEFUNC_PAUSE;
static inline CURLcode CCurl_easy_unpause(CURL *h) { return curl_easy_pause(h, CURLPAUSE_CONT); }

// CURLMsg.data is a union; read the transfer result without touching it from Swift.
static inline CURLcode CCurl_msg_result(const CURLMsg *msg) { return msg->data.result; }

// The address libcurl is about to connect to (CURLOPT_OPENSOCKETFUNCTION): 4 or 6 with its 4 or 16
// bytes in `bytes` and its port, 0 for any other family. `curl_sockaddr.addr` holds a whole
// sockaddr_in6 for IPv6, longer than the `struct sockaddr` Swift would copy.
static inline int CCurl_sockaddr_ip(const struct curl_sockaddr *a, unsigned char bytes[16], int *port) {
  if (a->family == AF_INET && a->addrlen >= sizeof(struct sockaddr_in)) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)&a->addr;
    memcpy(bytes, &in->sin_addr, 4);
    *port = ntohs(in->sin_port);
    return 4;
  }
  if (a->family == AF_INET6 && a->addrlen >= sizeof(struct sockaddr_in6)) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&a->addr;
    memcpy(bytes, &in6->sin6_addr, 16);
    *port = ntohs(in6->sin6_port);
    return 6;
  }
  return 0;
}

// What libcurl would do without an open-socket callback.
static inline curl_socket_t CCurl_open_socket(const struct curl_sockaddr *a) {
  return socket(a->family, a->socktype, a->protocol);
}
static const curl_socket_t CCurl_socket_bad = CURL_SOCKET_BAD;

#endif
