import Foundation
import VaktaalCore
import VaktaalText
import VaktaalXML

/// The namespaces office documents are written in.
enum OfficeNamespace {
    /// WordprocessingML, transitional and strict.
    static let word: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let wordDrawing: Set<String> = [
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    ]
    /// DrawingML, the text of slides.
    static let drawing: Set<String> = [
        "http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main",
    ]
    static let presentation: Set<String> = [
        "http://schemas.openxmlformats.org/presentationml/2006/main", "http://purl.oclc.org/ooxml/presentationml/main",
    ]
    static let relationships: Set<String> = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ]
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let drawingODF = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let presentationODF = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let formatting = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
}

extension XMLName {
    /// Whether the name is `localName` in one of `namespaces`.
    func `is`(_ localName: String, in namespaces: Set<String>) -> Bool {
        self.localName == localName && namespaces.contains(namespaceURI ?? "")
    }

    /// Whether the name is `localName` in `namespace`.
    func `is`(_ localName: String, in namespace: String) -> Bool {
        self.localName == localName && namespaceURI == namespace
    }
}

extension XMLStartTag {
    /// The value of the attribute `localName` in one of `namespaces` (`nil` for no namespace).
    func attribute(_ localName: String, in namespaces: Set<String>? = nil) -> String? {
        attributes.first { attribute in
            attribute.name.localName == localName
                && (namespaces.map { $0.contains(attribute.name.namespaceURI ?? "") } ?? (attribute.name.namespaceURI == nil))
        }?.value
    }

    /// The value of the attribute `localName` in `namespace`.
    func attribute(_ localName: String, namespace: String) -> String? {
        attribute(localName, in: [namespace])
    }
}

/// Reading one XML part of a package.
enum PartXML {
    /// Parses the part `name` of `package` with `handler`; `nil` when there is no such part.
    ///
    /// - Throws: ``PackageProblem`` for a part that is too large or malformed (a DOCTYPE
    ///   and entities included), naming the part, line and column.
    @discardableResult
    static func parse(_ name: String, of package: ZIPPackage, with handler: any XMLContentHandler) throws(PackageProblem)
        -> [UInt8]?
    {
        guard let bytes = try package.part(name) else { return nil }
        try parse(bytes, name: name, with: handler)
        return bytes
    }

    /// Parses the bytes of the part `name` with `handler`.
    ///
    /// - Throws: ``PackageProblem/malformedPart(part:position:message:)``.
    static func parse(_ bytes: [UInt8], name: String, with handler: any XMLContentHandler) throws(PackageProblem) {
        do {
            try XMLStreamParser.parse(bytes, path: name, handler: handler)
        } catch {
            throw .malformedPart(part: name, position: error.position, message: error.message)
        }
    }
}

/// The relationships of a part (`_rels/NAME.rels`): what it links to, by id.
struct Relationships {
    struct Relationship {
        let id: String
        let type: String
        /// The target part's name in the package; `nil` for external targets.
        let target: String?
    }

    let all: [Relationship]

    /// The relationships of `part` (`""` for the package's own).
    ///
    /// - Throws: ``PackageProblem`` for a malformed relationships part or a target that
    ///   points outside the package.
    init(of part: String, in package: ZIPPackage) throws(PackageProblem) {
        let folder = Self.folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let path = folder + "_rels/" + name + ".rels"
        let collector = Collector()
        guard try PartXML.parse(path, of: package, with: collector) != nil else {
            all = []
            return
        }
        var all: [Relationship] = []
        for raw in collector.relationships {
            let target = raw.external ? nil : try Self.resolve(raw.target, from: folder)
            all.append(Relationship(id: raw.id, type: raw.type, target: target))
        }
        self.all = all
    }

    /// The target of the relationship `id`.
    func target(of id: String) -> String? { all.first { $0.id == id }?.target }

    /// The targets of the relationships whose type ends with `/suffix`, in order.
    func targets(ofType suffix: String) -> [String] {
        all.filter { $0.type.hasSuffix("/" + suffix) }.compactMap(\.target)
    }

    /// `word/` for `word/document.xml`, `""` for a part at the root.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// The part a target names, relative to `folder` (or absolute from the package root).
    ///
    /// - Throws: ``PackageProblem/pathEscapes(_:)`` when `..` leads above the root.
    static func resolve(_ target: String, from folder: String) throws(PackageProblem) -> String {
        let decoded = target.removingPercentEncoding ?? target
        let full = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : folder + decoded
        var components: [Substring] = []
        for component in full.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard components.popLast() != nil else { throw .pathEscapes(target) }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    private final class Collector: XMLContentHandler {
        var relationships: [(id: String, type: String, target: String, external: Bool)] = []

        func startElement(_ tag: XMLStartTag) {
            guard tag.name.localName == "Relationship", let id = tag.attribute("Id"), let target = tag.attribute("Target")
            else { return }
            relationships.append(
                (id, tag.attribute("Type") ?? "", target, tag.attribute("TargetMode")?.lowercased() == "external"))
        }

        func endElement(_ name: XMLName, at position: SourcePosition) {}
        func text(_ text: String, at position: SourcePosition) {}
        func comment(_ text: String, at position: SourcePosition) {}
    }
}
