/// The schema, as an ordered list of steps; `PRAGMA user_version` records how many have run.
/// Never edit a step that has shipped: add a new one.
enum Migrations {
  static let steps: [String] = [
    // 1: feeds and items.
    """
    CREATE TABLE feeds (
      id INTEGER PRIMARY KEY,
      url TEXT NOT NULL UNIQUE,          -- as written in feeds.txt
      resolved_url TEXT NOT NULL,        -- what was fetched
      host TEXT NOT NULL DEFAULT '',
      title TEXT,
      etag TEXT,
      last_modified TEXT,
      status TEXT,                       -- ok | not-modified | moved | gone | failed
      error TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      next_fetch REAL,                   -- unix seconds; not fetched before
      moved_to TEXT,
      gone INTEGER NOT NULL DEFAULT 0,
      last_attempt REAL,
      last_success REAL
    );
    CREATE TABLE items (
      id INTEGER PRIMARY KEY,
      feed_id INTEGER NOT NULL REFERENCES feeds(id),
      key TEXT NOT NULL,                 -- Entry.stableKey
      entry_id TEXT,
      first_seen REAL NOT NULL,
      changed REAL NOT NULL,
      published REAL,
      updated REAL,
      title TEXT,
      link TEXT,
      canonical_link TEXT,
      summary TEXT,
      content TEXT,
      authors TEXT NOT NULL DEFAULT '[]',      -- JSON array
      categories TEXT NOT NULL DEFAULT '[]',   -- JSON array
      enclosures TEXT NOT NULL DEFAULT '[]',   -- JSON array of urls
      comments INTEGER,
      language TEXT,
      content_hash TEXT NOT NULL,
      UNIQUE (feed_id, key)
    );
    """,
    // 2: lookups the digest and per-host waiting need.
    """
    CREATE INDEX items_canonical_link ON items(canonical_link);
    CREATE INDEX items_first_seen ON items(first_seen);
    CREATE INDEX feeds_host ON feeds(host);
    """,
    // 3: every digest written: its period and language, and each topic's place and items, so
    //    `--since last` knows where the previous digest ended and the chart knows past volumes.
    """
    CREATE TABLE digests (
      id INTEGER PRIMARY KEY,
      date TEXT NOT NULL UNIQUE,         -- YYYY-MM-DD: the output folder; a rerun that day replaces it
      generated REAL NOT NULL,           -- unix seconds
      period_from REAL NOT NULL,
      period_to REAL NOT NULL,
      language TEXT NOT NULL,            -- id | en
      items INTEGER NOT NULL,
      sources INTEGER NOT NULL
    );
    CREATE TABLE digest_topics (
      digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
      topic TEXT NOT NULL,               -- topic id from topics.txt
      rank INTEGER NOT NULL,             -- 1 = first
      score REAL NOT NULL,
      items INTEGER NOT NULL,            -- stories in the topic
      item_keys TEXT NOT NULL DEFAULT '[]',  -- JSON array of digest item keys, in rank order
      PRIMARY KEY (digest_id, topic)
    );
    CREATE INDEX digests_period_to ON digests(period_to);
    """,
    // 4: the topics facilitators picked for their meetings (`lingkar topics pick`).
    """
    CREATE TABLE picks (
      meeting TEXT NOT NULL,             -- YYYY-MM-DD
      topic_id TEXT NOT NULL,
      position INTEGER NOT NULL,         -- the facilitator's order, from 0
      recorded REAL NOT NULL,            -- unix seconds
      PRIMARY KEY (meeting, topic_id)
    );
    """,
    // 5: the store is the only record of a digest (nothing is read back from output/): each
    //    digest's suggestions as shown (for carry-over, the archive page and the Atom feed), its
    //    school clock and the files written; `meta` keeps values such as the Atom feed's id.
    """
    ALTER TABLE digests ADD COLUMN utc_offset INTEGER NOT NULL DEFAULT 0;  -- seconds east of UTC
    ALTER TABLE digests ADD COLUMN files TEXT NOT NULL DEFAULT '[]';       -- JSON array of the paths written
    -- 1: a digest found once in output/ (its digest.json) that the store had not recorded: listed in
    -- the archive and the feed, never a period's start or a volume.
    ALTER TABLE digests ADD COLUMN adopted INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE digest_suggestions (
      digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,         -- 0 = first
      topic TEXT NOT NULL,               -- topic id from topics.txt
      carried_over INTEGER NOT NULL DEFAULT 0,  -- 1: listed because it was passed over at the last meeting
      label_id TEXT NOT NULL,            -- the topic's label as shown, Indonesian
      label_en TEXT NOT NULL,            -- and English
      PRIMARY KEY (digest_id, position)
    );
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,              -- e.g. feed_id: the Atom feed's urn:uuid, kept for subscribers
      value TEXT NOT NULL
    );
    """,
    // 6: the web server (`lingkar serve`): each role's passcode, hashed (bcrypt), and the sessions of
    //    logged-in teachers and facilitators, kept here so that a restart logs nobody out.
    """
    CREATE TABLE web_passcodes (
      role TEXT PRIMARY KEY,             -- teacher | facilitator
      hash TEXT NOT NULL,                -- bcrypt, never the passcode itself
      changed REAL NOT NULL              -- unix seconds
    );
    CREATE TABLE web_sessions (
      key TEXT PRIMARY KEY,              -- the session id (random), with the middleware's prefix
      value TEXT NOT NULL,               -- JSON
      expires REAL                       -- unix seconds; NULL: never
    );
    CREATE INDEX web_sessions_expires ON web_sessions(expires);
    """,
    // 7: articles teachers shared (one row per person and article; the article itself is an item of
    //    the feed `lingkar:shared`), and their votes on the topics of a meeting.
    """
    CREATE TABLE shares (
      item_key TEXT NOT NULL,            -- the shared article's item key: its canonical address
      sharer TEXT NOT NULL,              -- the name as given
      sharer_key TEXT NOT NULL,          -- the name folded (case, accents, spaces): one person
      note TEXT,                         -- what they wrote with it
      shared REAL NOT NULL,              -- unix seconds
      PRIMARY KEY (item_key, sharer_key)
    );
    CREATE TABLE votes (
      meeting TEXT NOT NULL,             -- YYYY-MM-DD
      topic_id TEXT NOT NULL,
      voter TEXT NOT NULL,               -- the name as given
      voter_key TEXT NOT NULL,           -- the name folded: one vote per person, topic and meeting
      recorded REAL NOT NULL,            -- unix seconds
      PRIMARY KEY (meeting, topic_id, voter_key)
    );
    """,
  ]

  static var latest: Int { steps.count }

  /// The schema version the file records (`PRAGMA user_version`, 0 for a new file).
  static func version(_ connection: SQLiteConnection) throws(StoreError) -> Int {
    let query = try connection.statement("PRAGMA user_version")
    let current = try query.step() ? query.integer(0) ?? 0 : 0
    query.reset()
    return current
  }

  /// Refuses a database written by a newer Lingkar; reads only, so the file is left as it was.
  static func checkVersion(_ connection: SQLiteConnection) throws(StoreError) {
    let current = try version(connection)
    if current > latest { throw .newerSchema(found: current, known: latest) }
  }

  /// Brings the database up to the latest schema, one transaction per step.
  static func migrate(_ connection: SQLiteConnection) throws(StoreError) {
    let current = try version(connection)
    if current > latest { throw .newerSchema(found: current, known: latest) }
    for (index, sql) in steps.enumerated() where index + 1 > current {
      try connection.transaction { () throws(StoreError) in
        try connection.execute(sql)
        try connection.execute("PRAGMA user_version = \(index + 1)")
      }
    }
  }
}
