/// Every heuristic of the extraction stage, as data in one place: which elements, classes,
/// lines and phrases are page furniture rather than article text, and the words that
/// introduce dates. Phrases are lowercase; several languages are listed because the same
/// code runs on news in any language.
public enum BoilerplateRules {
    // MARK: File types

    public static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp"]
    static let textExtensions: Set<String> = ["txt", "text", "md"]
    /// What a directory expands to: pages and plain-text articles (also gzipped), or files
    /// without an extension. A named file is always read; inside a folder, READMEs (.md),
    /// data (.json) and images are not articles.
    public static let directoryExtensions: Set<String> = htmlExtensions.union(["txt", "text", ""])

    // MARK: Plain-text headers

    /// Words that open a byline line ("By Daniel Voss | Baltic Ledger"), per language.
    static let bylinePrefixes = ["by ", "von ", "par ", "por ", "door ", "di ", "av ", "af ", "przez "]
    /// Words that open a credit line naming the outlet or agency ("Source: Reuters").
    static let creditPrefixes = ["source:", "quelle:", "source :", "fuente:", "bron:", "fonte:"]
    /// "4 min read" and its kin: reading-time furniture.
    static let readingTimeWords = ["min read", "minute read", "minutes read", "min. lesezeit", "min de lecture", "min de lectura"]

    // MARK: Charsets

    /// Charset labels (lowercase) → iconv names. Latin-1 and ASCII mean windows-1252, as in
    /// the WHATWG Encoding standard that browsers follow.
    static let charsetAliases: [String: String] = [
        "utf-8": "UTF-8", "utf8": "UTF-8", "unicode-1-1-utf-8": "UTF-8",
        "us-ascii": "WINDOWS-1252", "ascii": "WINDOWS-1252", "iso-8859-1": "WINDOWS-1252", "iso8859-1": "WINDOWS-1252",
        "iso_8859-1": "WINDOWS-1252", "latin1": "WINDOWS-1252", "l1": "WINDOWS-1252", "cp819": "WINDOWS-1252",
        "windows-1252": "WINDOWS-1252", "cp1252": "WINDOWS-1252", "x-cp1252": "WINDOWS-1252",
        "utf-16": "UTF-16LE", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE",
        "gb2312": "GB18030", "gbk": "GB18030", "gb18030": "GB18030", "x-gbk": "GB18030", "chinese": "GB18030", "csgb2312": "GB18030",
        "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "x-sjis": "CP932", "ms_kanji": "CP932",
        "windows-31j": "CP932", "csshiftjis": "CP932",
        "euc-jp": "EUC-JP", "euc-kr": "EUC-KR", "ks_c_5601-1987": "EUC-KR", "big5": "BIG5", "big5-hkscs": "BIG5-HKSCS",
        "koi8-r": "KOI8-R", "koi8r": "KOI8-R", "koi8-u": "KOI8-U", "iso-8859-15": "ISO-8859-15", "latin9": "ISO-8859-15",
        "latin2": "ISO-8859-2", "tis-620": "TIS-620", "windows-874": "CP874",
    ]

    /// windows-1252 bytes 0x80…0x9F (0 where the byte is unassigned).
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    // MARK: HTML elements

    /// The attributes the extractor reads; the others are not copied out of the parser.
    static let readAttributes: Set<String> = [
        "class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "content", "property", "name", "http-equiv",
        "rel", "href", "type", "datetime", "lang", "xml:lang",
    ]
    /// Read attributes that are read on some elements only (a link's `href` for the
    /// canonical URL, not the thousands of anchors' URLs): on other elements they are
    /// dropped before parsing.
    static let attributesReadOnlyOn: [String: Set<String>] = [
        "href": ["link"], "name": ["meta"], "http-equiv": ["meta"], "type": ["script"],
    ]

    /// Elements that never hold readable text. (`<head>` is not one: when markup is broken
    /// libxml2 can leave the whole body inside it; its title, scripts and styles are.)
    static let nonTextTags: Set<String> = [
        "script", "style", "template", "iframe", "object", "embed", "svg", "canvas", "select", "input",
        "textarea", "title", "base", "link", "meta", "video", "audio", "map",
    ]

    /// Elements whose content is furniture (unless they hold most of the page's text;
    /// an unclosed `<noscript>` or `<button>` can swallow the rest of a page).
    static let removedTags: Set<String> = nonTextTags.union(["nav", "aside", "footer", "form", "label", "dialog", "menu", "noscript", "button"])

    /// Ids (a prefix and a number) of hidden elements that hold content a script moves into
    /// place: React's streamed server rendering sends late parts of a page as
    /// `<div hidden id="S:0">`.
    static let streamedSegmentIDPrefixes: [String] = ["S:"]

    /// Elements whose tag alone makes `HTMLMetadata` read them (other elements it reads for
    /// a date class or an `itemprop`).
    static let metadataTags: Set<String> = ["meta", "link", "script", "title", "h1", "time", "a"]

    /// Elements that are never furniture: the page itself and the elements that say they
    /// hold its main content.
    static let neverFurnitureTags: Set<String> = ["html", "body", "main", "article"]

    /// An element holding more than this share of the page's text is the article's wrapper
    /// and is never removed for its tag or class.
    static let wrapperTextShare = 0.5
    /// …or more than this share with little link text (prose, not a link list).
    static let proseWrapperTextShare = 0.2
    static let proseLinkDensity = 0.25
    /// An element with a content class word and this much text with few links is kept.
    static let namedContentCharacters = 500
    /// An element whose class or role names furniture is kept when it holds at least this
    /// much unlinked paragraph text…
    static let protectedProseCharacters = 400
    /// …and this share of the page's paragraph text.
    static let protectedProseShare = 0.3
    /// A block this long (or longer) with few links is prose.
    static let proseBlockCharacters = 25
    /// The article container is widened to an ancestor that adds at least this share of
    /// prose to what it has.
    static let widenGain = 0.3
    /// …or at least this share once the climb has passed a heading-sized addition.
    static let widenGainPastHeading = 1.0
    /// …in blocks of at least this many characters on average.
    static let widenParagraphCharacters = 80.0
    /// …and at most this many linked headings (a list of teasers for other articles has
    /// one per blurb).
    static let maximumTeaserHeadlines = 1
    /// …unless there are this many characters of prose per linked heading (a listicle whose
    /// item titles are links; a teaser has a short blurb under its headline).
    static let listicleCharactersPerHeading = 400
    /// A sibling of the article container with this share of its prose joins it.
    static let siblingProseShare = 0.2

    /// Elements that end one text block and start another.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
        "figure", "figcaption", "address", "center", "hr", "body", "html", "details", "summary", "fieldset",
    ]

    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Class or id words (split at `-`, `_`, space and camel case) that mark an element as
    /// page furniture, removed with everything inside.
    static let boilerplateClassWords: Set<String> = commentClassWords.union([
        "share", "sharing", "social", "sharedaddy",
        "addthis", "shariff", "tags", "tagcloud", "taglist", "breadcrumb", "breadcrumbs", "crumbs", "related",
        "recommended", "recommendations", "teaser", "teasers", "more", "popular", "trending", "mostread", "newsletter",
        "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "banner", "advert", "advertisement",
        "ads", "ad", "adslot", "sponsor", "sponsored", "promo", "promotion", "sidebar", "menu",
        "navbar", "navigation", "nav", "pagination", "pager", "masthead", "footer", "toolbar", "skip", "modal", "popup",
        "overlay", "login", "paywall", "outbrain", "taboola", "authorbox", "bio", "categories", "jump", "languages",
        "translations", "credits", "rating", "vote", "poll",
    ])

    /// Class or id words of comment sections, removed even when they hold most of the text.
    static let commentClassWords: Set<String> = ["comment", "comments", "commentlist", "respond", "disqus"]

    /// Two-word class names that mark furniture even though each word alone does not.
    static let boilerplateClassPairs: [(String, String)] = [
        ("read", "more"), ("see", "also"), ("most", "read"), ("you", "may"), ("also", "like"), ("post", "nav"),
        ("entry", "tags"), ("post", "tags"), ("article", "tags"), ("author", "box"), ("site", "header"),
        ("screen", "reader"), ("visually", "hidden"), ("sr", "only"),
    ]

    /// Class or id words of containers that usually hold the article; an element with one
    /// of these is never removed by the class rules and scores higher.
    static let contentClassWords: Set<String> = [
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "news", "page", "single",
        "artikel", "inhalt", "contenido", "contenu", "articolo", "hentry", "prose", "richtext",
    ]

    /// Class or id words that lower a container's score without removing it.
    static let weakBoilerplateClassWords: Set<String> = [
        "header", "meta", "byline", "date", "info", "caption", "credit", "photo", "image", "gallery", "links",
        "list", "feed", "card", "cards", "grid", "tile", "headline",
    ]

    /// `role` attribute values of furniture.
    static let boilerplateRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert"]

    /// Elements that are containers of the article when the page says so.
    static let articleRoles: Set<String> = ["main", "article"]

    /// Starting score of a candidate container by tag (Readability's weights).
    static let containerTagScores: [String: Double] = [
        "article": 10, "main": 10, "div": 5, "section": 5, "pre": 3, "td": 3, "blockquote": 3,
        "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
        "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
    ]

    /// Commas of several scripts: each one in a block is a sign of running prose.
    static let commas: Set<Unicode.Scalar> = [",", "，", "、", "،"]

    // MARK: Lines of text

    /// Separators between the parts of a breadcrumb trail ("Home / World / Title").
    static let breadcrumbSeparators: [String] = [" / ", " > ", " » ", " | ", " › ", " → ", " :: ", " • ", " ˃ "]

    /// First parts of breadcrumb trails.
    static let homeWords: Set<String> = [
        "home", "homepage", "home page", "start", "startseite", "accueil", "inicio", "início", "portada", "home page",
        "hoofdpagina", "beranda", "anasayfa", "ana sayfa", "strona główna", "главная", "головна", "首页", "首頁", "ホーム",
        "trang chủ", "forside", "etusivu", "domů", "kezdőlap", "pagina iniziale", "news", "nieuws", "nachrichten",
        "noticias", "actualités", "notizie", "новости",
    ]

    /// Lines that start the comment form, the tag list, the share bar or the teasers at the
    /// end of an article: everything from such a line to the end is dropped.
    static let tailMarkers: [String] = [
        "tagged:", "tagged with", "tags:", "tag:", "filed under", "posted in", "categories:", "category:",
        "leave a reply", "leave a comment", "post a comment", "add a comment", "add comment", "comments", "comment",
        "responses", "reader comments", "join the conversation", "join the discussion", "related posts", "related articles",
        "related stories", "related news", "related:", "you may also like", "you might also like", "more stories",
        "more from", "recommended for you", "read next", "share this:", "share this", "share this article",
        "share this story", "like this:", "about the author", "also in the news", "popular posts", "popular stories",
        "popular articles", "trending stories", "trending now", "trending articles", "most popular", "most read",
        "latest news", "latest stories", "latest posts", "latest articles", "recent posts", "recent articles", "more news",
        "more articles", "you may also be interested in", "you might be interested in", "related content",
        "related reading", "recommended stories", "recommended articles", "editor's picks", "don't miss",
        // German
        "schlagwörter:", "schlagworte:", "stichwörter:", "kommentare", "kommentar schreiben", "kommentar verfassen",
        "einen kommentar hinterlassen", "schreibe einen kommentar", "hinterlasse einen kommentar", "ähnliche artikel",
        "das könnte sie auch interessieren", "mehr zum thema", "teilen:", "artikel teilen",
        // Dutch
        "reacties", "reageer", "laat een reactie achter", "plaats een reactie", "gerelateerde artikelen", "deel dit artikel",
        "lees ook", "trefwoorden:",
        // French
        "laisser un commentaire", "laisser une réponse", "commentaires", "articles similaires", "à lire aussi",
        "partager cet article", "partager :", "mots-clés :", "mots-clés:", "étiquettes :",
        // Spanish, Portuguese, Italian
        "deja un comentario", "deja una respuesta", "comentarios", "noticias relacionadas", "artículos relacionados",
        "te puede interesar", "etiquetas:", "compartir:", "deixe um comentário", "deixe uma resposta", "comentários",
        "notícias relacionadas", "leia também", "lascia un commento", "lascia un commento", "commenti",
        "articoli correlati", "condividi:",
        // Polish, Turkish, Russian, Indonesian
        "komentarze", "dodaj komentarz", "zobacz też", "tagi:", "yorumlar", "yorum yap", "ilgili haberler", "etiketler:",
        "комментарии", "оставить комментарий", "читайте также", "теги:", "komentar", "tinggalkan balasan", "baca juga",
    ]

    /// Lines that are furniture wherever they stand (dropped, the text around them kept).
    static let boilerplateLinePrefixes: [String] = [
        "your email address will not be published", "required fields are marked", "save my name, email",
        "notify me of", "click to share", "click to print", "click to email", "share on facebook", "share on twitter",
        "share on x", "share on linkedin", "share on whatsapp", "share via", "follow us on", "subscribe to our newsletter",
        "sign up for our newsletter", "sign up to our newsletter", "get our newsletter", "subscribe now", "we use cookies",
        "this website uses cookies", "this site uses cookies", "by continuing to use", "accept cookies", "advertisement",
        "sponsored content", "skip to content", "skip to main content", "jump to navigation", "all rights reserved",
        "copyright ©", "© copyright", "loading...", "previous article", "next article", "previous post", "next post",
        "read more", "continue reading", "click here to", "print this page", "email this", "photo credit:",
        "photo credits:", "image credit:", "image credits:", "image source:", "credit:", "credits:", "loading paragraph",
        // Shopping links in reviews.
        "best prices today", "view on amazon", "see on amazon", "check price", "view deal", "see deal", "shop now at",
        // German
        "ihre e-mail-adresse wird nicht veröffentlicht", "erforderliche felder sind", "anzeige", "werbung",
        "weiterlesen", "mehr lesen", "diesen artikel teilen", "auf facebook teilen", "newsletter abonnieren",
        "wir verwenden cookies", "diese website verwendet cookies", "alle rechte vorbehalten",
        // Dutch
        "je e-mailadres wordt niet gepubliceerd", "uw e-mailadres wordt niet gepubliceerd", "vereiste velden zijn gemarkeerd",
        "lees meer", "lees verder", "advertentie", "deel op facebook", "deze website gebruikt cookies", "alle rechten voorbehouden",
        // French
        "votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas publiée",
        "les champs obligatoires sont indiqués", "lire la suite", "lire aussi", "publicité", "partager sur facebook",
        "ce site utilise des cookies", "tous droits réservés", "abonnez-vous",
        // Spanish, Portuguese, Italian
        "tu dirección de correo electrónico no será publicada", "los campos obligatorios están marcados", "leer más",
        "publicidad", "compartir en facebook", "este sitio web utiliza cookies", "todos los derechos reservados",
        "o seu endereço de e-mail não será publicado", "o seu endereço de email não será publicado", "leia mais",
        "publicidade", "todos os direitos reservados", "il tuo indirizzo email non sarà pubblicato",
        "i campi obbligatori sono contrassegnati", "leggi anche", "pubblicità", "tutti i diritti riservati",
        // Other
        "twój adres e-mail nie zostanie opublikowany", "czytaj więcej", "reklama", "e-posta adresiniz yayınlanmayacak",
        "devamını oku", "reklam", "ваш адрес email не будет опубликован", "реклама", "читать далее",
        "alamat email anda tidak akan dipublikasikan",
    ]

    /// Short lines that are only the name of a furniture control ("Share", "Print").
    static let boilerplateLinesExact: Set<String> = [
        "share", "tweet", "print", "email", "e-mail", "facebook", "twitter", "linkedin", "whatsapp", "pinterest",
        "reddit", "telegram", "copy link", "save", "like", "reply", "menu", "search", "close", "home", "top",
        "back to top", "related", "more", "teilen", "drucken", "delen", "partager", "imprimer", "compartir",
        "imprimir", "condividi", "stampa", "udostępnij", "paylaş", "поделиться",
        // A table of contents' heading (its entries are links, dropped as such).
        "table of contents", "in this article", "on this page", "jump to section", "inhaltsverzeichnis", "sommaire",
        "tabla de contenidos", "índice de contenidos", "indice dei contenuti",
    ]

    /// What follows the number in a reading-time line ("7 min read", "4 Min. Lesezeit").
    static let readingTimeSuffixes: Set<String> = [
        "min read", "min. read", "mins read", "minute read", "minutes read", "min lesezeit", "min. lesezeit",
        "minuten lesezeit", "min de lecture", "minutes de lecture", "min di lettura", "minuti di lettura",
        "min de lectura", "minutos de lectura", "min leestijd", "minuten leestijd",
    ]

    // MARK: Metadata

    /// JSON-LD `@type`s of an article.
    static let articleSchemaTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
        "scholarlyarticle", "techarticle", "report", "webpage", "posting",
    ]

    /// JSON-LD `@type`s of pages that are not articles (unless an article type is named too).
    static let nonArticleSchemaTypes: Set<String> = [
        "product", "productgroup", "qapage", "discussionforumposting", "collectionpage", "profilepage", "searchresultspage",
    ]
    /// OpenGraph `og:type` values (prefixes) of pages that are not articles: shop items.
    static let nonArticleOpenGraphTypePrefixes: [String] = ["product", "ebay-objects:item", "og:product"]

    /// `<meta>` names and properties, most trusted first.
    static let publishedMetaKeys: [String] = [
        "article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate", "publish-date",
        "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "article.published", "published_time", "og:article:published_time", "citation_publication_date",
        "cxenseparse:recs:publishtime", "citation_date", "citation_online_date", "dc.date.created", "article:published",
        "og:article:published", "release_date",
    ]
    /// JSON-LD properties of any object that give the publication date.
    static let jsonLDPublishedKeys: [String] = ["datePublished", "dateCreated", "uploadDate"]
    /// Keys of page data in scripts (frameworks' JSON) whose value is the publication date,
    /// most specific first.
    static let scriptPublishedKeys: [String] = [
        "datePublished", "publishedDate", "publishDate", "published_date", "publish_date", "publishedAt", "published_at",
        "publishedOn", "published_on", "publish_at", "publicationDate", "firstPublished", "first_published_at", "createdAt",
        "created_at",
    ]
    static let modifiedMetaKeys: [String] = [
        "article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified", "dcterms.modified",
        "article.updated", "modified_time",
    ]
    static let authorMetaKeys: [String] = ["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "citation_author"]
    static let siteMetaKeys: [String] = ["og:site_name", "application-name", "twitter:site", "publisher"]
    static let titleMetaKeys: [String] = ["og:title", "twitter:title", "dc.title", "headline"]
    static let imageMetaKeys: [String] = ["og:image", "og:image:url", "twitter:image", "twitter:image:src"]

    /// At most this many `<h1>`s are considered as the headline.
    static let maximumHeadlineCandidates = 12
    /// Word overlap (Jaccard) at which an `<h1>` and the metadata title name the same article.
    static let headlineAgreement = 0.5
    /// An `<h1>` sharing no word with the metadata title needs this many words to be a headline.
    static let minimumHeadlineWords = 3
    /// Elements of the site's furniture: an `<h1>` inside is the site's name or a menu label.
    static let siteFurnitureTags: Set<String> = ["nav", "footer", "aside", "form", "menu", "dialog", "button", "label"]
    /// Class or id words of the site's logo and name.
    static let siteBrandClassWords: Set<String> = ["logo", "brand", "branding", "sitename", "sitetitle", "sitelogo", "navbar", "menu", "modal", "popup"]
    static let siteBrandClassPairs: [(String, String)] = [("site", "title"), ("site", "name"), ("site", "logo"), ("site", "branding")]

    /// Separators between a page title and the site name ("Title | Site").
    static let titleSiteSeparators: [String] = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " // ", " ~ "]
    /// A site name is stripped from a title at most this many times ("Title – Site - Site").
    static let maximumSiteNameStrips = 3
    /// A title's last part that ends with the site's name ("Intuit TurboTax Blog" on the
    /// site "Blog") is the site's longer name when it has at most this many words.
    static let maximumSiteSuffixWords = 4

    /// Longest text of an element that can be a date ("Published on Tuesday, 3 February 2026 at 10:30").
    static let maximumDateTextCharacters = 80

    /// Class or id words of elements that show the publication date ("article_date").
    static let dateClassWords: Set<String> = ["date", "dateline", "published", "pubdate", "posted", "timestamp", "datum", "fecha", "data"]

    /// Words before a date in text ("Published 3 Feb 2026").
    static let publishedWords: [String] = [
        "published", "posted", "updated", "veröffentlicht", "aktualisiert", "gepubliceerd", "publié", "publicado",
        "publicada", "pubblicato", "opublikowano", "yayınlanma", "опубликовано", "diterbitkan",
    ]

    /// Month names and abbreviations → month number, in several languages.
    static let monthNames: [String: Int] = {
        let lists: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"],
        ]
        var names: [String: Int] = [:]
        for list in lists {
            for (index, name) in list.enumerated() where names[name] == nil { names[name] = index + 1 }
        }
        // Other abbreviations of several languages.
        for (name, month) in ["sept": 9, "okt": 10, "dez": 12, "mrt": 3, "mei": 5, "janv": 1, "févr": 2, "avr": 4,
                              "juil": 7, "déc": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12] {
            names[name] = month
        }
        return names
    }()

    // MARK: Thresholds

    /// Characters of a paragraph that its language is identified from.
    static let languageSampleCharacters = 400
    /// Characters of a body that are identified at all: past them, paragraphs take the
    /// body's language (a page rarely changes language after its first few paragraphs).
    static let languageBudgetCharacters = 1600

    /// Below this many characters of body text a page has no article.
    static let minimumArticleCharacters = 200
    /// A page without an article still has main content (a product, a forum thread) when
    /// this many characters of unlinked text are left outside its furniture…
    static let minimumPageCharacters = 100
    /// …and that unlinked text is at least this share of what is left (not a list of links).
    static let minimumPageUnlinkedShare = 0.4
    /// An article text shorter than this…
    static let shortArticleCharacters = 1500
    /// …on a page whose main content is this many times longer is a blurb on a page that is
    /// not an article (a service page, a shop category).
    static let mainContentToArticleRatio = 3.0
    /// A linked heading at least this long is a teaser's title, part of a listing page's
    /// content (shorter ones are menu labels).
    static let pageTeaserTitleCharacters = 15
    /// A block whose link text is more than this share of its text is navigation.
    static let maximumLinkDensity = 0.5
    /// Longest line that can be a title of a plain-text article.
    static let maximumTitleCharacters = 250
    static let maximumTitleWords = 30
    /// Tail markers are only trusted in the last part of a text (share of its blocks).
    static let tailRegion = 0.7
    /// Longest line that can be a tail marker or a boilerplate line.
    static let maximumMarkerLineCharacters = 120
}
