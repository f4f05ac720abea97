/// The frame of every page: header with the search box, the content, a footer. Pages pass
/// in HTML they built with `HTML.escape`; the title is escaped here.
struct Layout {
    var title: String
    /// Pre-filled into the search box.
    var query: String = ""

    func page(_ content: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · Parallax</title>
        <style>\(Layout.style)</style>
        </head>
        <body>
        <header class="top"><div class="bar">
        <a class="brand" href="/">Parallax</a>
        <form class="search" action="/search" method="get" role="search">
        <input type="search" name="q" value="\(HTML.escape(query))" placeholder="Search articles" aria-label="Search articles">
        <button type="submit">Search</button>
        </form>
        </div></header>
        <main>
        \(content)
        </main>
        <footer><a href="/">Stories</a> · <a href="/openapi.json">API (OpenAPI)</a> · <a href="/api/health">Health</a></footer>
        </body>
        </html>

        """
    }

    /// One style sheet for every page: a readable single column on a phone, the sources side
    /// by side on a wide screen.
    static let style = """
        :root{--ink:#1d1d1f;--muted:#6b6b70;--line:#e3e3e8;--bg:#f6f6f8;--card:#fff;--accent:#2b50aa;
        --agree:#1b7f3b;--agree-bg:#e6f4ea;--only:#1a5fb4;--only-bg:#e7f0fb;--clash:#b42318;--clash-bg:#fdecea}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        a{color:var(--accent)}
        .top{background:#1f2a44;color:#fff}
        .bar{max-width:1400px;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;justify-content:space-between}
        .brand{color:#fff;font-weight:700;font-size:1.2rem;text-decoration:none;letter-spacing:.02em}
        .search{display:flex;gap:.4rem;flex:1 1 16rem;max-width:32rem}
        .search input{flex:1;min-width:0;padding:.45rem .6rem;border:0;border-radius:6px;font:inherit}
        .search button{padding:.45rem .8rem;border:0;border-radius:6px;background:#4d6bd8;color:#fff;font:inherit;cursor:pointer}
        main{max-width:1400px;margin:0 auto;padding:1rem}
        footer{max-width:1400px;margin:0 auto;padding:1rem;color:var(--muted);font-size:.85rem}
        h1{font-size:1.55rem;line-height:1.25;margin:.4rem 0 .3rem}
        h2{font-size:1.15rem;margin:1.8rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
        h3{font-size:1rem;margin:.2rem 0 .4rem}
        .meta{color:var(--muted);font-size:.875rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.8rem 1rem}
        .stories{list-style:none;padding:0;margin:0;display:grid;gap:.7rem}
        .stories h3{font-size:1.05rem}
        .chips{display:flex;flex-wrap:wrap;gap:.3rem;margin:.3rem 0 0;padding:0;list-style:none}
        .chip{background:var(--bg);border:1px solid var(--line);border-radius:999px;padding:.05rem .55rem;font-size:.8rem}
        .pager{display:flex;justify-content:space-between;margin:1rem 0}
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));gap:1rem;align-items:start}
        .column h3{font-size:1.05rem}
        .source{font-weight:600;font-size:.9rem;color:var(--muted)}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.95rem;line-height:1.6;margin-top:.6rem}
        .claim{border-radius:3px;padding:.05rem .1rem;scroll-margin-top:1rem}
        .claim.corroborated{background:var(--agree-bg);box-shadow:inset 0 -2px 0 var(--agree)}
        .claim.unique{background:var(--only-bg);box-shadow:inset 0 -2px 0 var(--only)}
        .claim.conflicting{background:var(--clash-bg);box-shadow:inset 0 -2px 0 var(--clash)}
        .claim:target{outline:2px solid var(--accent)}
        .legend{display:flex;flex-wrap:wrap;gap:.8rem;font-size:.875rem;margin:.6rem 0}
        .list{padding-left:1.2rem}.list li{margin:.35rem 0}
        .item{border-left:4px solid var(--line);padding:.35rem .7rem;margin:.5rem 0;background:var(--card);border-radius:0 6px 6px 0}
        .item.corroborated{border-color:var(--agree)}.item.unique{border-color:var(--only)}.item.conflicting{border-color:var(--clash)}
        .tag{display:inline-block;min-width:1.6rem;text-align:center;font-size:.75rem;font-weight:700;border-radius:4px;background:#1f2a44;color:#fff;padding:0 .25rem;margin-right:.3rem}
        .table{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:var(--card);font-size:.9rem}
        th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:var(--bg)}
        .hostile{color:var(--clash)}.cooperative{color:var(--agree)}
        .sections{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:0 1.5rem}
        mark{background:#fff3b0;padding:0 .1rem}
        .hits{list-style:none;padding:0;display:grid;gap:.6rem}
        @media (max-width:600px){body{font-size:15px}main{padding:.6rem}h1{font-size:1.3rem}.card{padding:.7rem}}
        """
}
