import Testing

/// `vaktaal serve --database`: a URL that is no PostgreSQL URL stops the start with exit 2
/// and a message that names it without its password.
@Suite struct ServeDatabaseCommandTests {
    @Test func aBadDatabaseURLIsAUsageError() throws {
        let result = try Vaktaal.run(["serve", "--database", "mysql://vaktaal:geheim@localhost/woorden"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: not a database URL"))
        #expect(!result.standardError.contains("geheim"))
    }

    @Test func theURLMayComeFromTheEnvironment() throws {
        let url = "postgres://vaktaal:geheim@localhost/woorden?sslmode=sometimes"
        let result = try Vaktaal.run(["serve"], environment: ["VAKTAAL_DATABASE_URL": url])
        #expect(result.status == 2)
        #expect(result.standardError.contains("sslmode 'sometimes'") && !result.standardError.contains("geheim"))
    }
}
