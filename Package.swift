// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Frontline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontline", targets: ["frontline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // TreeDictionary: the desk's tables share structure, so a copy for a joining console or a
        // snapshot costs the loop nothing when it next changes one case.
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // Pure domain: cases, commands → events, the fold, queue order. No I/O.
        .target(name: "FrontlineCore", dependencies: [.product(name: "HashTreeCollections", package: "swift-collections")]),
        // Journal, snapshots, recovery, data-dir lock, and the CaseService that joins them to Core.
        .target(name: "FrontlineStore", dependencies: ["FrontlineCore"]),
        // The team server's wire: framing, handshake, messages, socket directory and peer identity.
        .target(name: "FrontlineProtocol", dependencies: ["FrontlineCore"]),
        // The team server: one process owns the store; consoles and commands are clients.
        .target(name: "FrontlineServer", dependencies: ["FrontlineCore", "FrontlineStore", "FrontlineProtocol"]),
        // The client side of the team server: the CaseService a console or command uses through it.
        .target(name: "FrontlineClient", dependencies: ["FrontlineCore", "FrontlineProtocol"]),
        // Pure RFC 5322/MIME: bytes in, a parsed message out; replies built as MIME. Foundation only.
        .target(name: "FrontlineMail"),
        // Where mail meets the desk: customer mail becomes commands; our replies become mail (sendmail / Maildir, retries).
        .target(name: "FrontlineMailDesk", dependencies: ["FrontlineCore", "FrontlineMail"]),
        // Pure terminal toolkit: cells, grid, width, sanitiser, diff, editor model.
        .target(name: "FrontlineTUI"),
        // The application: state, keys → effects, screens, themes.
        .target(name: "FrontlineConsole", dependencies: [
            "FrontlineCore", "FrontlineTUI", "FrontlineMail",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // System libpq (PostgreSQL's own client library); only FrontlinePostgres imports it.
        .systemLibrary(name: "CLibpq", providers: [.apt(["libpq-dev"])]),
        // The desk's event log in PostgreSQL: connection, versioned schema, the log, migration.
        .target(name: "FrontlinePostgres", dependencies: ["CLibpq", "FrontlineCore", "FrontlineStore"]),
        // System ncursesw; only NcursesBackend imports it.
        .systemLibrary(name: "CNcursesw"),
        .target(name: "NcursesBackend", dependencies: ["FrontlineTUI", "CNcursesw"]),
        .executableTarget(name: "frontline", dependencies: [
            "FrontlineCore", "FrontlineStore", "FrontlineTUI", "FrontlineConsole", "NcursesBackend", "FrontlineServer", "FrontlineClient",
            "FrontlineMail", "FrontlineMailDesk", "FrontlinePostgres",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "frontline-bench", dependencies: [
            "FrontlineCore", "FrontlineStore", "FrontlineTUI", "FrontlineConsole", "FrontlineServer", "FrontlineClient", "FrontlineMail", "FrontlinePostgres",
        ]),
        .testTarget(name: "FrontlineCoreTests", dependencies: ["FrontlineCore"]),
        .testTarget(name: "FrontlineProtocolTests", dependencies: ["FrontlineProtocol", "FrontlineCore"]),
        .testTarget(name: "FrontlineServerTests", dependencies: ["FrontlineServer", "FrontlineClient", "FrontlineProtocol", "FrontlineStore", "FrontlineCore"]),
        .testTarget(name: "FrontlineStoreTests", dependencies: ["FrontlineStore", "FrontlineCore", "FrontlineServer", "FrontlineClient"]),
        .testTarget(name: "FrontlineTUITests", dependencies: ["FrontlineTUI"]),
        .testTarget(name: "FrontlineMailTests", dependencies: ["FrontlineMail"]),
        .testTarget(name: "FrontlineMailDeskTests", dependencies: ["FrontlineMailDesk", "FrontlineMail", "FrontlineCore", "FrontlineStore"]),
        .testTarget(name: "FrontlineConsoleTests", dependencies: ["FrontlineConsole", "FrontlineCore", "FrontlineTUI", "FrontlineStore"],
                    resources: [.copy("Golden")]),
        // Depends on the executable so `swift test` builds the binary the tmux journeys drive.
        // The PostgreSQL journeys run against a private server the tests start (Scripts/postgres-sandbox).
        .testTarget(name: "EndToEndTests", dependencies: ["frontline", "FrontlineConsole", "FrontlinePostgres", "FrontlineCore"]),
    ]
)
