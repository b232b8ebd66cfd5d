/// How `vaktaal serve` runs.
public struct ServiceConfiguration: Sendable {
    /// The address to listen on (loopback unless asked otherwise).
    public var host: String
    /// The port.
    public var port: Int
    /// Origins whose web pages may call the API (`*` for any); none by default.
    public var corsOrigins: [String]
    /// Who may publish which scheme.
    public var tokens: PublishTokens
    /// The largest text `POST /v1/lint` takes.
    public var lintBodyLimit: Int
    /// The largest vocabulary `PUT /v1/schemes/{id}` takes.
    public var publishBodyLimit: Int
    /// How often the folder is checked for changed files (the database for new versions, besides
    /// its notifications); `nil` only reloads on `SIGHUP`.
    public var pollInterval: Duration?

    /// A configuration; the defaults are those of `vaktaal serve`.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, corsOrigins: [String] = [], tokens: PublishTokens = .init(hashes: [:]),
        lintBodyLimit: Int = 1 << 20, publishBodyLimit: Int = 256 << 20, pollInterval: Duration? = .seconds(2)
    ) {
        self.host = host
        self.port = port
        self.corsOrigins = corsOrigins
        self.tokens = tokens
        self.lintBodyLimit = lintBodyLimit
        self.publishBodyLimit = publishBodyLimit
        self.pollInterval = pollInterval
    }
}
