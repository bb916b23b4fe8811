/// The digest's inline stylesheet: system fonts only (no requests), a readable column on phones
/// and desktops, contrast above WCAG AA, and an A4 print style for the teachers' room wall.
enum HTMLStyle {
  static let css = """
    :root { color-scheme: light; --ink: #1b1f24; --muted: #4a5260; --line: #d5dae1; --accent: #0b5394;
      --soft: #f3f6f9; --mark: #8a4b00; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: #fff; color: var(--ink);
      font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
    .page { max-width: 46rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:visited { color: #5b2a86; }
    a:focus-visible { outline: 3px solid #f0a202; outline-offset: 2px; }
    h1, h2, h3, h4 { line-height: 1.25; margin: 0; }
    h1 { font-size: 1.75rem; }
    h2 { font-size: 1.35rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; }
    h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
    p { margin: 0.3rem 0; }
    ul, ol { padding-left: 1.3rem; margin: 0.3rem 0; }
    li { overflow-wrap: anywhere; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem; }
    .skip:focus { left: 0.5rem; }
    .masthead { border-bottom: 1px solid var(--line); padding-bottom: 0.8rem; }
    .brand { font-size: 0.8rem; font-weight: 700; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); }
    .period { font-size: 1.05rem; font-weight: 600; }
    .counts, .intro, .meta, .why, .also, .matched, .source, figcaption, footer { color: var(--muted); }
    .toc { margin-top: 0.6rem; font-size: 0.95rem; }
    .toc a { display: inline-block; margin-right: 0.9rem; padding: 0.25rem 0; white-space: nowrap; }
    .suggestion { background: var(--soft); border-left: 4px solid var(--accent); border-radius: 4px;
      padding: 0.2rem 1rem 0.9rem; margin: 1rem 0; }
    .suggestion h3 { margin-top: 0.8rem; }
    .rank { display: inline-block; min-width: 1.6rem; height: 1.6rem; border-radius: 50%; background: var(--accent);
      color: #fff; text-align: center; font-size: 0.95rem; line-height: 1.6rem; margin-right: 0.4rem; }
    .why { font-size: 0.95rem; }
    .ranking { margin-top: 0.7rem; font-size: 0.85rem; color: var(--muted); }
    .ranking summary { cursor: pointer; padding: 0.6rem 0; }
    .breakdown { margin: 0.4rem 0 0; padding: 0; font-size: 0.85rem; color: var(--muted); }
    .breakdown div { margin: 0.15rem 0; }
    .breakdown dt, .breakdown dd { display: inline; margin: 0; }
    .breakdown dt::after { content: ":"; }
    .breakdown dd { font-weight: 600; color: var(--ink); }
    .readings li, .prompts li { margin: 0.25rem 0; }
    .prompts li { font-style: italic; }
    .items { list-style: none; padding: 0; }
    .item { padding: 0.7rem 0; border-top: 1px solid var(--line); }
    .item:first-child { border-top: 0; }
    .item h4 { margin: 0 0 0.15rem; font-size: 1.02rem; }
    .meta { font-size: 0.88rem; }
    .excerpt { margin-top: 0.3rem; }
    .also, .matched { font-size: 0.85rem; }
    .count { font-weight: 400; color: var(--muted); font-size: 0.95rem; }
    .print-url { display: none; }
    .feeds li { margin: 0.5rem 0; }
    .feeds code, .url { font: 0.85rem/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
    .problem { color: var(--mark); }
    .chart { margin: 0.5rem 0; }
    .chart-rows { list-style: none; padding: 0; margin: 0.6rem 0 0; }
    .chart-rows li { display: grid; grid-template-columns: 1fr auto 2rem; align-items: end; gap: 0.6rem;
      padding: 0.25rem 0; border-bottom: 1px solid var(--line); font-size: 0.9rem; }
    .chart-now { text-align: right; font-weight: 600; }
    .spark rect { fill: #9fb8d3; }
    .spark rect.now { fill: var(--accent); }
    .spark .base { stroke: var(--muted); stroke-width: 1; }
    footer { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 0.6rem; font-size: 0.85rem; }
    .archive li { margin: 0.6rem 0; }
    @media (max-width: 30rem) {
      body { font-size: 16px; }
      .page { padding: 0.8rem 0.9rem 2rem; }
      h1 { font-size: 1.5rem; }
      .suggestion { padding: 0.1rem 0.75rem 0.75rem; }
    }
    @media print {
      @page { size: A4; margin: 14mm 14mm 16mm; }
      body { font-size: 10.5pt; line-height: 1.4; }
      .page { max-width: none; padding: 0; }
      .skip, .toc, .nav-only { display: none; }
      a { color: inherit; text-decoration: none; }
      .print-url { display: inline; font-size: 0.8em; font-weight: 400; color: var(--muted); overflow-wrap: anywhere; }
      .suggestion { background: none; border: 1px solid #888; border-left-width: 3pt; }
      .ranking { display: none; }
      .rank { background: none; color: var(--ink); border: 1px solid var(--ink); }
      h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      .item, .readings li, .prompts li, .feeds li, .chart { break-inside: avoid; page-break-inside: avoid; }
      .spark rect { fill: #bbb; }
      .spark rect.now { fill: #222; }
    }
    """
}
