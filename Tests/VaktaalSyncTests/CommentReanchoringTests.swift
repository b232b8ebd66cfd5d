import Testing
import VaktaalCore

@testable import VaktaalSync

/// A comment of a concept or scheme a merge rebuilds stands before the same child: found by
/// content, else by its place among the children of its kind and language, else it falls back.
@Suite struct CommentReanchoringTests {
    @Test func aSchemeCommentFindsItsFieldByContentThenByKindAndLanguage() {
        let template = Vocabulary(
            id: "t", uri: "urn:t:",
            metadata: [
                MetadataEntry(kind: .title, text: "T", language: "nl"),
                MetadataEntry(kind: .description, text: "D", language: "nl"),
            ],
            extensions: [ExtensionElement(namespaceURI: "urn:ex", prefix: "ex", localName: "extra")])
        let rebuilt = Vocabulary(
            id: "t", uri: "urn:t:",
            metadata: [
                MetadataEntry(kind: .description, text: "D, changed", language: "nl"),
                MetadataEntry(kind: .title, text: "T", language: "nl"),
            ])
        let comments = [
            HeaderComment("name", before: .metadata(0)), HeaderComment("text", before: .metadata(1)),
            HeaderComment("extra", before: .extensionElement(0)), HeaderComment("first"),
        ]
        let moved = comments.map { $0.reanchored(from: template, to: rebuilt).before }
        #expect(moved == [.metadata(1), .metadata(0), nil, nil])
    }

    @Test func aConceptCommentFindsItsChildByContentThenByKindAndLanguage() {
        let template = Concept(
            id: "a",
            labels: [Label(kind: .alternative, text: "bie", language: "nl"), Label(kind: .preferred, text: "b", language: "nl")],
            notes: [
                Note(kind: .definition, text: "B.", language: "nl"), Note(kind: .definition, text: "Bee.", language: "en"),
            ],
            relations: [ConceptRelation(kind: .broader, reference: "x")])
        let rebuilt = Concept(
            id: "a", labels: [Label(kind: .preferred, text: "b", language: "nl")],
            notes: [
                Note(kind: .definition, text: "Bee!", language: "en"), Note(kind: .definition, text: "B!", language: "nl"),
            ])
        let comments = [
            InnerComment("name", before: .label(1)), InnerComment("bie", before: .label(0)),
            InnerComment("nl", before: .note(0)), InnerComment("en", before: .note(1)),
            InnerComment("broader", before: .relation(0)), InnerComment("end"),
        ]
        let moved = comments.map { $0.reanchored(from: template, to: rebuilt).before }
        #expect(moved == [.label(0), nil, .note(1), .note(0), nil, nil])
    }

    /// A child that is gone, among others of its kind, takes its comment with it to the end:
    /// the comment is not moved to a sibling it does not describe.
    @Test func aCommentOfAChildThatIsGoneIsNotGivenToASibling() {
        let template = Concept(
            id: "a",
            labels: [Label(kind: .alternative, text: "x", language: "nl"), Label(kind: .alternative, text: "y", language: "nl")])
        let rebuilt = Concept(id: "a", labels: [Label(kind: .alternative, text: "y", language: "nl")])
        #expect(InnerComment("to be dropped", before: .label(0)).reanchored(from: template, to: rebuilt).before == nil)
        #expect(InnerComment("keep", before: .label(1)).reanchored(from: template, to: rebuilt).before == .label(0))
    }
}
