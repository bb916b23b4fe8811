#ifndef LINGKAR_CQRENCODE_SHIM_H
#define LINGKAR_CQRENCODE_SHIM_H
#include <qrencode.h>

// Typed entry points, so Swift sees plain integers and never the library's enums or the layout of
// QRcode beyond what it reads through these.

// Encodes `length` bytes in 8-bit mode at the smallest version that holds them; level 0-3 is
// L, M, Q, H. NULL when the data does not fit a QR code (errno says why).
static inline QRcode *CQREncode_encodeBytes(const unsigned char *data, int length, int level) {
  QRecLevel ecc = level <= 0 ? QR_ECLEVEL_L : level == 1 ? QR_ECLEVEL_M : level == 2 ? QR_ECLEVEL_Q : QR_ECLEVEL_H;
  return QRcode_encodeData(length, data, 0, ecc);
}

// The symbol's width in modules.
static inline int CQREncode_width(const QRcode *code) { return code->width; }

// 1 when the module at (x, y) is dark: bit 0 of each byte of `data`.
static inline int CQREncode_isDark(const QRcode *code, int x, int y) {
  return code->data[y * code->width + x] & 1;
}

static inline void CQREncode_free(QRcode *code) { QRcode_free(code); }

#endif
