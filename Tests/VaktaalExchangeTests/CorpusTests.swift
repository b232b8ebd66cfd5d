import Foundation
import Testing
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalExchange

/// Imports `path` into a fresh folder with the command's own writer, then loads and checks
/// that folder as `vaktaal check` does.
func importAndCheck(_ path: String) throws -> (result: ImportResult, findings: [Finding]) {
    let result = try Importer.importFile(path)
    let folder = try scratchFolder("import") + "/"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try ImportRun.write(ImportRun.plan(result, output: folder), force: false)
    let loaded = try VocabularyLoader.load(path: folder)
    return (result, VocabularyChecker.check(loaded))
}

/// Rules whose findings mean the folder import wrote is not even readable or consistent.
let readerAndIdentityRules = Set(ReaderRule.allCases.map(\.id) + ["duplicate-id"])

/// qSKOS's test files, one per quality problem (`../shared/corpus/skos/qskos-tests`): after
/// import, `vaktaal check` reports the problem each is named after where the check has a
/// rule for it; the others must import cleanly, and the import itself reports what the
/// format cannot hold (transitive relations, terms that are not SKOS).
@Suite(.enabled(if: sharedFileExists("corpus/skos/qskos-tests/cycles.rdf")))
struct QSKOSCorpusTests {
    static let folder = sharedFolder + "/corpus/skos/qskos-tests/"

    static let reported: [(file: String, rule: RuleID)] = [
        ("ambiguousLabels", "multiple-preferred-labels"), ("cycles", "broader-cycle"),
        ("documentedConcepts", "missing-definition"), ("emptyLabels", "empty-label"),
        ("exactVsAssociativeMappingClashes", "exact-match-clash"), ("hierarchicalRedundancy", "hierarchical-redundancy"),
        ("labelMatch", "overlapping-labels"), ("labelsWithUnprintableCharacters", "irregular-whitespace"),
        ("mappingRelationsMisuse", "mapping-within-scheme"), ("missingLabels", "missing-preferred-label"),
        ("noBroaderAndNotTopConcepts", "orphan-concept"), ("nocommonlanguage", "incomplete-language-coverage"),
        ("omittedInverseRelations", "one-directional-relation"), ("overlappingLabels", "overlapping-labels"),
        ("reflexivelyRelatedConcepts", "reflexive-relation"), ("relationClashes", "related-hierarchy-clash"),
        ("topConceptsHavingBroaderConcept", "top-concept-with-broader"), ("missingTopConcepts", "missing-top-concepts"),
        ("ambiguousNotationReferences", "duplicate-notation"), ("languageTags", "invalid-language-tag"),
    ]

    /// Problems the vocabulary format or check has no rule for (components, counts, ranks):
    /// the import must still
    /// give a folder that reads without errors.
    static let unrepresented = [
        "aggregations", "commonlanguage_en", "components_1", "components_2", "concepts",
        "deprecatedAndIllegalTerms", "invalidCharacters", "rankConcepts",
        "redundantAssociativeRelations", "relatedConcepts", "resources", "solitaryTransitiveRelations", "stw",
    ]

    @Test(arguments: reported)
    func checkReportsTheProblemTheFileIsNamedAfter(_ file: String, _ rule: RuleID) throws {
        let (_, findings) = try importAndCheck(Self.folder + file + ".rdf")
        #expect(findings.contains { $0.rule == rule }, "\(file): no \(rule) in \(Set(findings.map(\.rule)))")
        #expect(
            !findings.contains { readerAndIdentityRules.contains($0.rule) },
            "\(findings.filter { readerAndIdentityRules.contains($0.rule) })")
    }

    @Test(arguments: unrepresented)
    func filesWhoseProblemCheckHasNoRuleForImportCleanly(_ file: String) throws {
        let (result, findings) = try importAndCheck(Self.folder + file + ".rdf")
        #expect(!result.vocabularies.isEmpty)
        #expect(
            !findings.contains { readerAndIdentityRules.contains($0.rule) },
            "\(findings.filter { readerAndIdentityRules.contains($0.rule) })")
    }

    @Test func whatTheFormatCannotHoldIsReported() throws {
        let illegal = try Importer.importFile(Self.folder + "deprecatedAndIllegalTerms.rdf")
        #expect(
            illegal.report.skipped.contains {
                $0.what == SKOSNamespace.skos + "prefSymbol" && $0.reason.contains("not a term of SKOS")
            })
        let transitive = try Importer.importFile(Self.folder + "solitaryTransitiveRelations.rdf")
        #expect(transitive.report.skipped.contains { $0.what == SKOSNamespace.skos + "broaderTransitive" })
        let invalid = try Importer.importFile(Self.folder + "invalidCharacters.rdf")
        #expect(invalid.report.warnings.contains { $0.message.contains("got new ids") })
    }

    @Test func filesThatAreNotSKOSAreRefusedWithTheirPlace() {
        #expect(throws: ImportError.noConcepts(path: Self.folder + "nocontent.rdf")) {
            try Importer.importFile(Self.folder + "nocontent.rdf")
        }
        // Not RDF/XML: a stray ";" between property elements (rdflib skips it silently).
        #expect(
            throws: ImportError.malformed(
                path: Self.folder + "skosxl.rdf", position: .init(line: 8, column: 47),
                message: "text where only elements may stand")
        ) {
            try Importer.importFile(Self.folder + "skosxl.rdf")
        }
    }
}

/// Published vocabularies of `../shared/corpus/skos` import into folders that read cleanly.
@Suite struct PublishedVocabularyTests {
    @Test(.enabled(if: sharedFileExists("corpus/skos/ipsv_skos.rdf")))
    func importsTheIntegratedPublicSectorVocabulary() throws {
        let (result, findings) = try importAndCheck(sharedFolder + "/corpus/skos/ipsv_skos.rdf")
        let concepts = result.vocabularies.reduce(0) { $0 + $1.concepts.count }
        #expect(concepts == 3080)
        #expect(!findings.contains { readerAndIdentityRules.contains($0.rule) })
    }

    @Test(.enabled(if: sharedFileExists("corpus/skos/skosmos-tests/yso.ttl")))
    func importsEverySkosmosFixtureThatHasConcepts() throws {
        let folder = sharedFolder + "/corpus/skos/skosmos-tests/"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".ttl") {
            do {
                let (_, findings) = try importAndCheck(folder + name)
                #expect(
                    !findings.contains { readerAndIdentityRules.contains($0.rule) },
                    "\(name): \(findings.filter { readerAndIdentityRules.contains($0.rule) })")
            } catch ImportError.noConcepts {
                continue
            }
        }
    }
}
