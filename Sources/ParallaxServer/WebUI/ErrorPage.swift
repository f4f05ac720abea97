import Hummingbird

/// The page a browser gets for an unknown path or a failed request.
struct ErrorPage {
    var status: HTTPResponse.Status
    var message: String

    func render() -> String {
        let heading = status == .notFound ? "Page not found" : "\(status.code) \(status.reasonPhrase)"
        return Layout(title: heading).page("""
            <h1>\(HTML.escape(heading))</h1>
            <p>\(HTML.escape(message))</p>
            <p><a href="/">Back to the stories</a></p>
            """)
    }
}
