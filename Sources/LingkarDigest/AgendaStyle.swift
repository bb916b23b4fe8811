/// The agenda's inline stylesheet: the digest's typography, made compact so a meeting with two or
/// three topics and the book-club chapter fits one printed A4 page, with ruled lines for notes.
enum AgendaStyle {
  static let css = """
    :root { color-scheme: light; --ink: #1b1f24; --muted: #4a5260; --line: #c9d0d8; --accent: #0b5394; --soft: #f3f6f9; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: #fff; color: var(--ink);
      font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
    .page { max-width: 50rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:focus-visible { outline: 3px solid #f0a202; outline-offset: 2px; }
    h1, h2, h3, h4 { line-height: 1.2; margin: 0; }
    h1 { font-size: 1.6rem; }
    h2 { font-size: 1.15rem; margin: 1.2rem 0 0.4rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 1.05rem; margin: 0.2rem 0 0.3rem; }
    h4 { font-size: 0.8rem; margin: 0.5rem 0 0.15rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
    p { margin: 0.2rem 0; }
    ol, ul { padding-left: 1.2rem; margin: 0.15rem 0; }
    li { margin: 0.12rem 0; overflow-wrap: anywhere; }
    .masthead { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-end; gap: 0.3rem 1rem;
      border-bottom: 1px solid var(--line); padding-bottom: 0.5rem; }
    .brand { font-size: 0.78rem; font-weight: 700; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); }
    .when { font-size: 1.05rem; font-weight: 600; }
    .who { text-align: right; }
    .who strong { font-weight: 600; }
    .topic { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px; padding: 0.5rem 0.8rem 0.6rem;
      margin: 0.6rem 0; }
    .rank { display: inline-block; min-width: 1.45rem; height: 1.45rem; border-radius: 50%; background: var(--accent); color: #fff;
      text-align: center; font-size: 0.85rem; line-height: 1.45rem; margin-right: 0.4rem; }
    .carried { font-size: 0.85rem; color: var(--muted); }
    .columns { display: grid; grid-template-columns: 3fr 2fr; gap: 0.2rem 1.2rem; }
    .readings li { font-size: 0.93rem; }
    .source, .meta, .themes, footer, .none { color: var(--muted); }
    .source, .meta, .themes { font-size: 0.85rem; }
    .prompts li { font-style: italic; font-size: 0.93rem; }
    .print-url { display: none; }
    .notes { margin-top: 0.4rem; }
    .rule { height: 1.7rem; border-bottom: 1px solid var(--line); }
    .book cite { font-style: italic; font-weight: 600; }
    footer { margin-top: 1.2rem; border-top: 1px solid var(--line); padding-top: 0.4rem; font-size: 0.8rem; }
    @media (max-width: 36rem) {
      .columns { grid-template-columns: 1fr; }
      .who { text-align: left; }
    }
    @media print {
      @page { size: A4; margin: 10mm 12mm 10mm; }
      body { font-size: 9pt; line-height: 1.25; }
      h1 { font-size: 15pt; }
      h2 { font-size: 11pt; }
      h3 { font-size: 10.5pt; }
      .columns { grid-template-columns: 5fr 3fr; gap: 0 1rem; }
      .readings li, .prompts li { font-size: 8.8pt; margin: 0.05rem 0; }
      .source, .meta, .themes, .none, .carried { font-size: 8pt; }
      .brand, h4 { font-size: 7.5pt; }
      .when, .who { font-size: 10pt; }
      footer { font-size: 7.5pt; margin-top: 0.6rem; }
      .page { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      .print-url { display: inline; font-size: 0.8em; color: var(--muted); overflow-wrap: anywhere; }
      .print-url::before { content: "("; }
      .print-url::after { content: ")"; }
      .rank { background: none; color: var(--ink); border: 1px solid var(--ink); }
      .topic { border-color: #999; border-left-width: 3pt; margin: 0.35rem 0; padding: 0.25rem 0.6rem 0.3rem; }
      .readings li, .prompts li, .rule { break-inside: avoid; page-break-inside: avoid; }
      h2 { margin-top: 0.6rem; }
      h4 { margin-top: 0.3rem; }
      h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      .rule { height: 1.3rem; border-bottom-color: #999; }
    }
    """
}
