import VaktaalText
import VaktaalXML

/// A small element tree built from the stream parser, for formats read as a whole (TBX).
final class XMLNode {
    let name: XMLName
    let attributes: [XMLAttribute]
    let position: SourcePosition
    private(set) var children: [XMLNode] = []
    /// The element's own text, its children's left out.
    private(set) var text = ""
    /// Where in ``text`` (in UTF-8 bytes) each child stands.
    private var childStarts: [Int] = []

    init(_ tag: XMLStartTag) {
        name = tag.name
        attributes = tag.attributes
        position = tag.position
    }

    var localName: String { name.localName }

    /// An attribute's value by local name (`xml:lang` as `lang` in the XML namespace).
    func attribute(_ local: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name.localName == local && (namespace == nil || $0.name.namespaceURI == namespace) }?.value
    }

    /// The text of the element and everything in it, white space at the ends trimmed.
    var content: String { interleaved(\.content).trimmingXMLSpace }

    /// The text of the element and everything in it as written, only the line breaks (and
    /// indentation) of a pretty-printed element trimmed at its ends: a note's own spaces
    /// are part of it.
    var noteContent: String { allText.trimmingLineBreaksAtTheEnds }

    /// The text of the element and everything in it, nothing trimmed.
    private var allText: String { interleaved(\.allText) }

    /// The element's own text with each child's text, as `childText` gives it, where the
    /// child stands (`Zie <hi>dit</hi> ook` is "Zie dit ook").
    private func interleaved(_ childText: (XMLNode) -> String) -> String {
        guard !children.isEmpty else { return text }
        let own = Array(text.utf8)
        var result = ""
        var cursor = 0
        for (child, start) in zip(children, childStarts) {
            result += String(decoding: own[cursor..<start], as: UTF8.self) + childText(child)
            cursor = start
        }
        return result + String(decoding: own[cursor...], as: UTF8.self)
    }

    func children(_ local: String) -> [XMLNode] { children.filter { $0.localName == local } }

    func child(_ local: String) -> XMLNode? { children.first { $0.localName == local } }

    /// Builds the tree of `bytes` (a DOCTYPE that only names the TBX DTD, as martif files
    /// have, is accepted; the DTD is not read).
    static func parse(_ bytes: [UInt8], path: String) throws(XMLError) -> XMLNode? {
        let builder = Builder()
        try XMLStreamParser.parse(bytes, path: path, handler: builder, acceptsDTDName: true)
        return builder.root
    }

    private final class Builder: XMLContentHandler {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func startElement(_ tag: XMLStartTag) {
            let node = XMLNode(tag)
            if let parent = stack.last {
                parent.childStarts.append(parent.text.utf8.count)
                parent.children.append(node)
            } else {
                root = node
            }
            stack.append(node)
        }

        func endElement(_ name: XMLName, at position: SourcePosition) { stack.removeLast() }

        func text(_ text: String, at position: SourcePosition) { stack.last?.text += text }

        func comment(_ text: String, at position: SourcePosition) {}
    }
}

extension String {
    /// The text without the white space at either end that holds a line break.
    var trimmingLineBreaksAtTheEnds: String {
        let bytes = Array(utf8)
        var first = bytes.startIndex
        while first < bytes.endIndex, isXMLSpace(bytes[first]) { first += 1 }
        var last = bytes.endIndex
        while last > first, isXMLSpace(bytes[last - 1]) { last -= 1 }
        let isBreak = { (byte: UInt8) in byte == 0x0A || byte == 0x0D }
        let start = bytes[..<first].contains(where: isBreak) ? first : 0
        let end = bytes[last...].contains(where: isBreak) ? last : bytes.count
        if start == 0, end == bytes.count { return self }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text without XML white space at either end.
    var trimmingXMLSpace: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !isXMLSpace($0) }), let last = bytes.lastIndex(where: { !isXMLSpace($0) })
        else { return "" }
        if first == 0, last == bytes.count - 1 { return self }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
