/// Where a paragraph of an office document is, as a person finds it: the part of the
/// package that holds it, the slide or page, and the paragraph's number there.
///
/// A finding in such a document keeps its `line` (the paragraph's ordinal in its part) and
/// `column` (code points within the paragraph); the place says the rest.
public struct DocumentPlace: Hashable, Sendable, CustomStringConvertible {
    /// The part of the package, e.g. `ppt/slides/slide3.xml` or `word/document.xml`.
    public var part: String
    /// What the part or text is when it is not the body: `notes`, `header 1`, `footnotes`,
    /// `comments`, `image description`, …
    public var area: String?
    /// The slide (1-based, in presentation order), for presentations.
    public var slide: Int?
    /// The page (1-based), for text documents whose page breaks are known.
    public var page: Int?
    /// The 1-based paragraph within its slide or page, else within its part.
    public var paragraph: Int
    /// The 1-based ordinal of the paragraph in its part: the `line` of findings in it.
    public var line: Int

    /// Creates a place.
    public init(part: String, area: String? = nil, slide: Int? = nil, page: Int? = nil, paragraph: Int, line: Int) {
        self.part = part
        self.area = area
        self.slide = slide
        self.page = page
        self.paragraph = paragraph
        self.line = line
    }

    /// `slide 3, paragraph 2`, `slide 3 notes, paragraph 1`, `page 2, paragraph 5`,
    /// `footnotes, paragraph 1` or `paragraph 12`.
    public var description: String {
        var parts: [String] = []
        if let slide {
            parts.append("slide \(slide)" + (area.map { " \($0)" } ?? ""))
        } else if let page {
            parts.append("page \(page)" + (area.map { " \($0)" } ?? ""))
        } else if let area {
            parts.append(area)
        }
        parts.append("paragraph \(paragraph)")
        return parts.joined(separator: ", ")
    }
}
