/// A processing instruction written before the root element, such as the style sheet a browser
/// shows the file with (`<?xml-stylesheet type="text/xsl" href="view.xsl"?>`) or the schema an
/// XML editor checks it against (`<?xml-model href="vocabulary.rng"?>`), or after it: kept as
/// written, in its place among the comments before (or after) the root.
public struct ProcessingInstruction: Hashable, Sendable {
    /// The name after `<?` (`xml-stylesheet`).
    public var target: String
    /// What follows the target, up to `?>`; empty when nothing does.
    public var data: String
    /// How many of the scheme's ``Vocabulary/prologComments`` (for one after the root, its
    /// ``Vocabulary/epilogComments``) stand before it.
    public var commentsBefore: Int

    /// Creates a processing instruction standing after the first `commentsBefore` comments of its side of the root.
    public init(target: String, data: String = "", commentsBefore: Int = 0) {
        self.target = target
        self.data = data
        self.commentsBefore = commentsBefore
    }
}
