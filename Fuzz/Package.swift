// swift-tools-version: 6.0
// A libFuzzer harness for the e-mail parser, kept apart from the app's package so that
// `swift build --sanitize=fuzzer` builds only FrontlineMail (Foundation only) and the harness.
// Sources/FrontlineMail is a symlink to ../../Sources/FrontlineMail: the same files, compiled
// here as their own module. Run it with Scripts/fuzz-mail.
import PackageDescription

let package = Package(
    name: "FrontlineMailFuzz",
    targets: [
        .target(name: "FrontlineMail", path: "Sources/FrontlineMail"),
        .executableTarget(name: "MailFuzz", dependencies: ["FrontlineMail"], path: "Sources/MailFuzz"),
    ]
)
