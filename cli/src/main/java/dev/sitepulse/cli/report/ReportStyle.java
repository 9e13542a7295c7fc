package dev.sitepulse.cli.report;

/**
 * The report's stylesheet, inline so the page needs nothing else. The targets table has fourteen
 * columns: headings wrap and the message's column is narrow enough that it fits a 1300 px window
 * with its last message wrapped whole; narrower, it scrolls in its box.
 */
final class ReportStyle {

  private ReportStyle() {}

  static final String CSS = """
      :root { --up: #2e9d5b; --degraded: #e0a100; --down: #d64545; --unknown: #c9ced6; --ink: #1d2330;
        --muted: #667085; --line: #e4e7ec; --bg: #f7f8fa; }
      * { box-sizing: border-box; }
      body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto,
        "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
      header h1 { margin: 0; font-size: 22px; letter-spacing: .02em; }
      .window, .note, footer { color: var(--muted); }
      h2 { font-size: 16px; margin: 28px 0 8px; }
      section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 16px;
        margin-top: 16px; }
      .summary { display: flex; gap: 12px; background: none; border: 0; padding: 0; flex-wrap: wrap; }
      .card { flex: 1 1 180px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
      .card h3 { margin: 0; font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; }
      .card .value { margin: 4px 0 0; font-size: 24px; font-weight: 600; }
      .card .note { margin: 0; font-size: 12px; overflow-wrap: anywhere; }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      th, td { text-align: left; padding: 6px 4px; border-bottom: 1px solid var(--line); vertical-align: top; }
      th { font-size: 12px; color: var(--muted); font-weight: 600; }
      td.statuses, td.errors { font-size: 12px; }
      td.availability, td.checks, td.incidents, td.downtime, td.p50, td.p95, td.p99, td.max { text-align: right;
        white-space: nowrap; }
      .scroll { overflow-x: auto; max-width: 100%; }
      .stopped { white-space: nowrap; }
      td.message { font-size: 12px; min-width: 10em; overflow-wrap: anywhere; }
      td:first-child { min-width: 140px; }
      td.tls { font-size: 12px; white-space: nowrap; }
      .name { font-weight: 600; overflow-wrap: anywhere; }
      .url { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
      #site td.text { overflow-wrap: anywhere; min-width: 20em; } #site td.figure { white-space: nowrap; }
      .pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
        color: #fff; background: var(--unknown); }
      .pill.s-up { background: var(--up); } .pill.s-degraded { background: var(--degraded); }
      .pill.s-down { background: var(--down); } .pill.s-unknown { color: var(--ink); }
      svg.chart { display: block; max-width: 100%; height: auto; }
      svg text { font-size: 11px; fill: var(--ink); }
      svg text.label, svg text.end { text-anchor: end; }
      svg text.tick-label { fill: var(--muted); font-size: 10px; text-anchor: middle; }
      svg text.tick-label.start { text-anchor: start; } svg text.tick-label.end { text-anchor: end; }
      svg .track { fill: #eef0f3; } svg .bar.good { fill: var(--up); } svg .bar.fair { fill: var(--degraded); }
      svg .bar.poor { fill: var(--down); } svg .tick, svg .axis { stroke: #b8bec9; stroke-width: 1; }
      svg .state.s-up { fill: var(--up); } svg .state.s-degraded { fill: var(--degraded); }
      svg .state.s-down { fill: var(--down); } svg .state.s-unknown { fill: var(--unknown); }
      svg path { stroke-linecap: round; stroke-linejoin: round; }
      svg path.mean { fill: none; stroke: #3b6fd8; stroke-width: 2; }
      svg path.max { fill: none; stroke: #9db7ee; stroke-width: 1.5; }
      .grid { display: flex; flex-wrap: wrap; gap: 12px; }
      figure { margin: 0; flex: 0 1 360px; min-width: 0; }
      figcaption { font-size: 12px; font-weight: 600; max-width: 360px; overflow-wrap: anywhere; }
      .legend { font-size: 12px; color: var(--muted); }
      .key { display: inline-block; width: 12px; height: 10px; margin: 0 4px 0 10px; border-radius: 2px; }
      .key.s-up { background: var(--up); } .key.s-degraded { background: var(--degraded); }
      .key.s-down { background: var(--down); } .key.s-unknown { background: var(--unknown); }
      .key.mean { background: #3b6fd8; } .key.max { background: #9db7ee; }
      .empty { color: var(--muted); }
      footer { margin-top: 24px; font-size: 12px; }
      @media (max-width: 600px) { body { padding: 12px; } section { padding: 4px 10px 12px; } }
      """;
}
