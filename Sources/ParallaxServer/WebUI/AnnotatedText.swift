/// An article's text with some of its sentences marked: each claim sentence becomes a
/// `<span>` with a class (how the other sources treat it) and an id (so a claim listed
/// elsewhere on the page can link to it). Offsets count Unicode scalars, as every offset
/// in a StoryReport does.
struct AnnotatedText {
    struct Mark {
        var start: Int
        var end: Int
        var className: String
        var id: String
    }

    var text: String
    var marks: [Mark]

    /// Escaped text with the marks as properly nested spans: a mark inside another is
    /// nested in it, one that overlaps the end of another is cut at that end, and marks
    /// outside the text are dropped.
    func render() -> String {
        let scalars = Array(text.unicodeScalars)
        let valid = marks.filter { $0.start >= 0 && $0.start < $0.end && $0.end <= scalars.count }
            .sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var out = ""
        var position = 0
        var openEnds: [Int] = []
        func emit(upTo end: Int) {
            guard end > position else { return }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[position..<end])
            out += HTML.escape(String(piece))
            position = end
        }
        for var mark in valid {
            while let end = openEnds.last, end <= mark.start {
                emit(upTo: end)
                out += "</span>"
                openEnds.removeLast()
            }
            if let end = openEnds.last { mark.end = min(mark.end, end) }
            mark.start = max(mark.start, position)
            guard mark.end > mark.start else { continue }
            emit(upTo: mark.start)
            out += "<span class=\"claim \(HTML.escape(mark.className))\" id=\"\(HTML.escape(mark.id))\">"
            openEnds.append(mark.end)
        }
        while let end = openEnds.popLast() {
            emit(upTo: end)
            out += "</span>"
        }
        emit(upTo: scalars.count)
        return out
    }
}
