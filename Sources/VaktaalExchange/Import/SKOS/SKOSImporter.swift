import Foundation
import VaktaalCore
import VaktaalRDF

/// Turns SKOS statements into vocabularies: one per concept scheme.
///
/// - Concepts are the subjects typed `skos:Concept` or a subclass the file declares, the
///   resources marked `owl:deprecated` that are members of a scheme, and (with a warning,
///   as qSKOS does) untyped subjects of SKOS concept properties.
/// - Each concept goes to one scheme: its only one, else the smallest (most specific) of
///   its schemes; other memberships are reported.
/// - Every statement that ends up nowhere in the model is reported, counted per predicate
///   with one example: nothing is dropped silently.
final class SKOSImporter {
    let table: StatementTable
    let options: ImportOptions
    let path: String
    let format: ImportFormat
    /// What each predicate means, by term number.
    var roles: [SKOSRole] = []
    /// Which statements the model holds (or that only served to read it).
    var consumed: [Bool] = []
    var warnings = Tally<String>()
    var skipped = Tally<SkipKey>()

    var conceptClasses = Set<Int32>()
    var schemeClasses = Set<Int32>()
    /// Classes that are SKOS's own and not concepts (collections, labels).
    var otherSKOSClasses = Set<Int32>()
    /// The vocabulary index and id of every imported concept, by term.
    var placement = Placements(count: 0)
    /// The vocabularies made, and for each its scheme term (nil when made up).
    var schemes: [(term: Int32?, concepts: [Int32])] = []
    var defaultLanguages: [String?] = []

    struct SkipKey: Hashable {
        let what: String
        let reason: String
    }

    init(table: StatementTable, options: ImportOptions, path: String, format: ImportFormat) {
        self.table = table
        self.options = options
        self.path = path
        self.format = format
    }

    /// Reads the statements of `bytes` and imports them.
    static func run(
        _ bytes: [UInt8], syntax: RDFSyntax, format: ImportFormat, path: String, options: ImportOptions
    ) throws(ImportError) -> ImportResult {
        var copy = bytes
        let table = try read(&copy, syntax: syntax, path: path, options: options)
        return try SKOSImporter(table: table, options: options, path: path, format: format).run()
    }

    /// The statements of `bytes`, which are emptied once read (so that a large file's
    /// memory goes back before the model is built).
    static func read(
        _ bytes: inout [UInt8], syntax: RDFSyntax, path: String, options: ImportOptions
    ) throws(ImportError) -> StatementTable {
        let table = StatementTable(expectedStatements: bytes.count / 100)
        do {
            try RDFParser.parse(bytes, syntax: syntax, path: path, baseIRI: options.baseIRI ?? fileURL(path)) {
                table.add($0)
            }
        } catch {
            throw ImportError(error)
        }
        bytes = []
        return table
    }

    static func fileURL(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file://" + absolute
    }

    /// The vocabularies without their concepts, each with its scheme index, default
    /// language and top concepts.
    var headers: [(scheme: Int, vocabulary: Vocabulary, language: String?, top: Set<Int32>)] = []

    /// Reads, decides and makes everything at once.
    func run() throws(ImportError) -> ImportResult { try prepare().collect() }

    /// Decides the schemes, concepts and ids; concepts are made later, one at a time.
    func prepare() throws(ImportError) -> PreparedImport {
        table.group()
        consumed = Array(repeating: false, count: table.count)
        placement = Placements(count: table.terms.count)
        assignRoles()
        findClasses()
        let kinds = classifySubjects()
        try assignSchemes(kinds)
        for index in schemes.indices {
            // A scheme none of whose concepts the file has (an excerpt's other schemes) gets no file.
            if schemes[index].concepts.isEmpty, let term = schemes[index].term {
                warnings.add("schemes without concepts in the file not written", example: table.terms[Int(term)])
                for statement in table.statements(about: term) where !consumed[Int(statement)] {
                    skip(statement, reason: "about a scheme that has no concepts in the file")
                }
                continue
            }
            headers.append(makeHeader(index))
        }
        if table.namedGraphStatements > 0 {
            warnings.add(
                "statements from named graphs merged into one graph", example: "\(table.namedGraphStatements) statements")
        }
        return PreparedImport(
            format: format, vocabularies: headers.map(\.vocabulary),
            concepts: { [self] index, body in forEachConcept(of: index, body) }, report: { [self] in makeReport() })
    }

    // MARK: - Roles and classes

    private func assignRoles() {
        roles = Array(repeating: .unknown, count: table.terms.count)
        for (iri, role) in SKOSNamespace.roles {
            if let number = table.existingNumber(iri) { roles[Int(number)] = role }
        }
        var seen = Set<Int32>()
        for predicate in table.predicates where seen.insert(predicate).inserted && roles[Int(predicate)] == .unknown {
            if table.terms[Int(predicate)].hasPrefix(SKOSNamespace.skos) { roles[Int(predicate)] = .otherSKOS }
        }
        inheritRoles()
    }

    /// Properties the file declares as `rdfs:subPropertyOf` (transitively) a property with a
    /// role take that role (`myonto:myBroader` under `skos:broader` is a broader relation), as
    /// qSKOS reads them.
    private func inheritRoles() {
        var parents: [Int32: [Int32]] = [:]
        for statement in 0..<Int32(table.count) where role(statement) == .subPropertyOf {
            guard let parent = table.objectTerm(statement) else { continue }
            parents[table.subjects[Int(statement)], default: []].append(parent)
            consumed[Int(statement)] = true
        }
        var changed = !parents.isEmpty
        while changed {
            changed = false
            for (child, list) in parents where roles[Int(child)] == .unknown {
                if let parent = list.first(where: { roles[Int($0)] != .unknown && roles[Int($0)] != .subPropertyOf }) {
                    roles[Int(child)] = roles[Int(parent)]
                    changed = true
                }
            }
        }
    }

    func role(_ statement: Int32) -> SKOSRole { roles[Int(table.predicates[Int(statement)])] }

    /// The classes the file declares under `skos:Concept` and `skos:ConceptScheme`
    /// (`rdfs:subClassOf`, transitively), and SKOS's other classes.
    private func findClasses() {
        var parents: [Int32: [Int32]] = [:]
        for statement in 0..<Int32(table.count) where role(statement) == .subClassOf {
            guard let parent = table.objectTerm(statement) else { continue }
            parents[table.subjects[Int(statement)], default: []].append(parent)
            consumed[Int(statement)] = true
        }
        func closure(_ root: String) -> Set<Int32> {
            guard let rootTerm = table.existingNumber(root) else { return [] }
            var result: Set<Int32> = [rootTerm]
            var changed = true
            while changed {
                changed = false
                for (child, list) in parents where !result.contains(child) && list.contains(where: result.contains) {
                    result.insert(child)
                    changed = true
                }
            }
            return result
        }
        conceptClasses = closure(SKOSNamespace.concept)
        schemeClasses = closure(SKOSNamespace.conceptScheme)
        for iri in SKOSNamespace.notConceptClasses { otherSKOSClasses.formUnion(closure(iri)) }
    }

    // MARK: - Concepts and schemes

    enum SubjectKind {
        case none, concept, scheme, other
    }

    /// What every subject is: typed concepts and schemes, SKOS-XL labels and collections
    /// (`other`), and concepts found by their properties.
    private func classifySubjects() -> [SubjectKind] {
        var kinds = [SubjectKind](repeating: .none, count: table.terms.count)
        var deprecated = Set<Int32>()
        var members = Set<Int32>()
        for term in 0..<Int32(table.terms.count) {
            var typedConcept = false
            var typedScheme = false
            var typedOther = false
            var hasType = false
            var conceptProperty = false
            for statement in table.statements(about: term) {
                switch role(statement) {
                case .type:
                    hasType = true
                    guard let object = table.objectTerm(statement) else { continue }
                    if conceptClasses.contains(object) { typedConcept = true }
                    if schemeClasses.contains(object) { typedScheme = true }
                    if otherSKOSClasses.contains(object) { typedOther = true }
                case .deprecated:
                    if Self.isTrue(table.literal(statement)) { deprecated.insert(term) }
                case .inScheme, .topConceptOf:
                    members.insert(term)
                    conceptProperty = true
                case .hasTopConcept:
                    if let object = table.objectTerm(statement) { members.insert(object) }
                case .xlPrefLabel, .xlAltLabel, .xlHiddenLabel:
                    conceptProperty = true
                    if let object = table.objectTerm(statement), kinds[Int(object)] == .none { kinds[Int(object)] = .other }
                case let role where role.marksConcept:
                    conceptProperty = true
                default: break
                }
            }
            if typedScheme {
                kinds[Int(term)] = .scheme
            } else if SKOSNamespace.vocabularyNamespaces.contains(where: { table.terms[Int(term)].hasBytePrefix($0) }) {
                kinds[Int(term)] = .other
            } else if typedConcept {
                kinds[Int(term)] = .concept
            } else if typedOther {
                kinds[Int(term)] = .other
            } else if conceptProperty, kinds[Int(term)] == .none {
                kinds[Int(term)] = .concept
                warnings.add(
                    hasType
                        ? "resources with SKOS concept properties but another type imported as concepts"
                        : "resources with SKOS concept properties but no type imported as concepts",
                    example: table.terms[Int(term)])
            }
        }
        for term in deprecated.intersection(members) where kinds[Int(term)] == .none {
            kinds[Int(term)] = .concept
            warnings.add(
                "resources marked owl:deprecated in a scheme imported as (deprecated) concepts", example: table.terms[Int(term)])
        }
        addRelationTargets(&kinds)
        return kinds
    }

    /// Resources the file only names as the target of `broader`, `narrower` or `related`,
    /// in the namespace of its concepts, are concepts too (qSKOS counts them): otherwise a
    /// cycle or a missing inverse through them could not be seen. When they outnumber the
    /// concepts the file describes, the file is an excerpt of a larger thesaurus: then they
    /// stay links out of it (written as mappings).
    private func addRelationTargets(_ kinds: inout [SubjectKind]) {
        var candidates: [Int32] = []
        var seen = Set<Int32>()
        var described = 0
        for term in 0..<Int32(kinds.count) where kinds[Int(term)] == .concept {
            described += 1
            for statement in table.statements(about: term) where role(statement).relationKind != nil {
                guard let object = table.objectTerm(statement), kinds[Int(object)] == .none,
                    table.statements(about: object).isEmpty, !table.isBlank(object), seen.insert(object).inserted
                else { continue }
                candidates.append(object)
            }
        }
        guard !candidates.isEmpty else { return }
        var namespaces = Set<String>()
        for term in 0..<Int32(kinds.count) where kinds[Int(term)] == .concept {
            if let namespace = ConceptIdentifiers.namespace(of: table.terms[Int(term)]) { namespaces.insert(namespace) }
        }
        let targets = candidates.filter { object in
            ConceptIdentifiers.namespace(of: table.terms[Int(object)]).map(namespaces.contains) ?? false
        }
        guard !targets.isEmpty else { return }
        guard targets.count <= described else {
            warnings.add(
                "the file looks like an excerpt: relation targets it does not describe stay links out of it",
                example: "\(targets.count) targets, \(described) concepts described")
            return
        }
        for object in targets {
            kinds[Int(object)] = .concept
            warnings.add(
                "resources only named as broader, narrower or related concepts imported as concepts",
                example: table.terms[Int(object)])
        }
    }

    /// Decides the schemes and which concepts go to each.
    private func assignSchemes(_ kinds: [SubjectKind]) throws(ImportError) {
        var schemeTerms: [Int32] = []
        var schemeIndex: [Int32: Int] = [:]
        func addScheme(_ term: Int32) {
            guard schemeIndex[term] == nil, !table.isBlank(term) else { return }
            schemeIndex[term] = schemeTerms.count
            schemeTerms.append(term)
        }
        for term in 0..<Int32(kinds.count) where kinds[Int(term)] == .scheme { addScheme(term) }
        var concepts: [Int32] = []
        var memberships = Memberships(count: table.terms.count)
        // Concepts in the order their descriptions start (not the order they are first named).
        let first = table.firstStatement
        let conceptTerms = (0..<Int32(kinds.count)).filter { kinds[Int($0)] == .concept }.sorted {
            (first[Int($0)], $0) < (first[Int($1)], $1)
        }
        for term in conceptTerms {
            if table.isBlank(term) {
                for statement in table.statements(about: term) {
                    skip(statement, reason: "a concept that is a blank node has no URI to keep")
                }
                continue
            }
            concepts.append(term)
            for statement in table.statements(about: term) where role(statement) == .inScheme || role(statement) == .topConceptOf
            {
                guard let object = table.objectTerm(statement), kinds[Int(object)] != .concept else { continue }
                if schemeIndex[object] == nil {
                    warnings.add("resources used as schemes but not typed skos:ConceptScheme", example: table.terms[Int(object)])
                    addScheme(object)
                }
                if let index = schemeIndex[object] { memberships.add(term, index) }
            }
        }
        for scheme in schemeTerms {
            for statement in table.statements(about: scheme) where role(statement) == .hasTopConcept {
                guard let object = table.objectTerm(statement), kinds[Int(object)] == .concept,
                    let index = schemeIndex[scheme]
                else { continue }
                memberships.add(object, index)
            }
        }
        guard !concepts.isEmpty else { throw .noConcepts(path: path) }
        var chosen: Int?
        if let wanted = options.scheme {
            guard let term = table.existingNumber(wanted), let index = schemeIndex[term] else {
                throw .schemeNotFound(path: path, scheme: wanted, available: schemeTerms.map { table.terms[Int($0)] })
            }
            chosen = index
        }
        let sizes = memberships.sizes(max(schemeTerms.count, 1))
        var members = [[Int32]](repeating: [], count: max(schemeTerms.count, 1))
        var leftOut = 0
        for concept in concepts {
            if chosen == nil, let only = memberships.single(concept) {
                members[only].append(concept)
                continue
            }
            let list = memberships.all(concept)
            let target: Int
            if let chosen {
                guard list.contains(chosen) || (list.isEmpty && schemeTerms.count <= 1) else {
                    leftOut += 1
                    markAllConsumed(concept)
                    continue
                }
                target = chosen
            } else if list.isEmpty {
                if schemeTerms.count > 1 {
                    warnings.add("concepts in no scheme put in the first scheme", example: table.terms[Int(concept)])
                }
                target = 0
            } else {
                target = list.min { (sizes[$0], $0) < (sizes[$1], $1) } ?? list[0]
                if list.count > 1 {
                    warnings.add(
                        "concepts in several schemes kept in the smallest of them (the other memberships are reported)",
                        example: table.terms[Int(concept)])
                }
            }
            members[target].append(concept)
        }
        if leftOut > 0 {
            warnings.add("concepts of other schemes left out (--scheme)", example: "\(leftOut) concepts")
        }
        if schemeTerms.isEmpty {
            warnings.add("no skos:ConceptScheme in the file: one made from the concepts' namespace", example: path)
            schemes = [(nil, members[0])]
        } else if let chosen {
            schemes = [(schemeTerms[chosen], members[chosen])]
            for (index, term) in schemeTerms.enumerated() where index != chosen { markAllConsumed(term) }
        } else {
            schemes = schemeTerms.enumerated().map { ($0.element, members[$0.offset]) }
        }
        placeConcepts()
    }

    /// Chooses each vocabulary's namespace and its concepts' ids.
    private func placeConcepts() {
        var usedSchemeIDs = Set<String>()
        schemeIDs = []
        bases = []
        for (index, scheme) in schemes.enumerated() {
            let uris = scheme.concepts.map { table.terms[Int($0)] }
            let identifiers = ConceptIdentifiers(conceptURIs: uris, schemeURI: scheme.term.map { table.terms[Int($0)] })
            for (position, concept) in scheme.concepts.enumerated() {
                placement[concept] = (index, identifiers.ids[position])
            }
            for position in identifiers.renamed {
                warnings.add(
                    "concept URIs that are not the scheme's namespace plus a valid id got new ids (the old URI is kept "
                        + "as exactMatch)", example: uris[position])
                renamedConcepts.insert(scheme.concepts[position])
            }
            bases.append(identifiers.base)
            var id = schemeID(scheme.term, base: identifiers.base)
            var number = 2
            let stem = id
            while !usedSchemeIDs.insert(id).inserted {
                id = "\(stem)-\(number)"
                number += 1
            }
            schemeIDs.append(id)
        }
    }

    var schemeIDs: [String] = []
    var bases: [String] = []
    var renamedConcepts = Set<Int32>()
    /// SKOS-XL labels and note resources that gave a concept a label or a note.
    var usedResources = Set<Int32>()

    /// A scheme's id: its `dct:identifier` when that is a valid id, else made from its URI,
    /// else from the name the caller gave.
    private func schemeID(_ term: Int32?, base: String) -> String {
        if let term {
            for statement in table.statements(about: term) where role(statement) == .identifier {
                if let literal = table.literal(statement), Vocabulary.isValidSchemeID(literal.lexicalForm) {
                    return literal.lexicalForm
                }
            }
        }
        let candidates = [term.map { table.terms[Int($0)] }, options.name, base]
        for candidate in candidates.compactMap({ $0 }) {
            let id = Self.slug(candidate)
            if !id.isEmpty { return id }
        }
        return "vocabulary"
    }

    /// The last part of a URI or name, lowercased, with only what scheme ids allow.
    static func slug(_ text: String) -> String {
        var name = Substring(text)
        while let last = name.last, "/#".contains(last) { name = name.dropLast() }
        if let cut = name.lastIndex(where: { "/#:".contains($0) }) { name = name[name.index(after: cut)...] }
        if name.hasSuffix(".xml") { name = name.dropLast(4) }
        var result = ""
        for character in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) {
            if character.isASCII, character.isLetter || character.isNumber || "._-".contains(character) {
                result.append(character)
            } else if result.last != "-" {
                result.append("-")
            }
        }
        while let first = result.first, !(first.isLetter || first.isNumber) { result.removeFirst() }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    // MARK: - Consumption and reporting

    func markAllConsumed(_ term: Int32) {
        for statement in table.statements(about: term) { consumed[Int(statement)] = true }
    }

    /// Reports a statement the model cannot hold.
    func skip(_ statement: Int32, reason: String) {
        consumed[Int(statement)] = true
        let predicate = table.terms[Int(table.predicates[Int(statement)])]
        skipped.add(SkipKey(what: predicate, reason: reason), example: table.describe(statement))
    }

    static func isTrue(_ literal: RDFLiteral?) -> Bool {
        guard let literal else { return false }
        return literal.lexicalForm == "true" || literal.lexicalForm == "1"
    }

    private func makeReport() -> ImportReport {
        for statement in 0..<Int32(table.count) where !consumed[Int(statement)] {
            let subject = table.subjects[Int(statement)]
            let predicate = table.terms[Int(table.predicates[Int(statement)])]
            if role(statement) == .otherSKOS {
                let local = predicate.dropFirst(SKOSNamespace.skos.count)
                skip(
                    statement,
                    reason: local == "member" || local == "memberList"
                        ? "collections have no place in the format" : "not a term of SKOS (deprecated or misspelled)")
                continue
            }
            let reason =
                placement[subject] != nil
                ? "the vocabulary format has no place for this property of a concept"
                : schemes.contains { $0.term == subject }
                    ? "the vocabulary format has no place for this property of a scheme"
                    : usedResources.contains(subject)
                        ? "the vocabulary format has no place for this property of a label or note"
                        : "about a resource that is not a concept, scheme or label"
            skip(statement, reason: reason)
        }
        return ImportReport(
            format: format, sourceItems: table.count,
            skipped: skipped.entries.map {
                ImportReport.Skipped(what: $0.key.what, reason: $0.key.reason, count: $0.count, example: $0.example)
            },
            warnings: warnings.entries.map { ImportReport.Warning(message: $0.key, count: $0.count, example: $0.example) })
    }
}
