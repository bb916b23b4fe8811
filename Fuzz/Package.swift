// swift-tools-version: 6.1
// The libFuzzer target for Lingkar's feed parser. Kept out of the main package because it only
// links with `-sanitize=fuzzer`; see the README ("Fuzzing") for how to build and run it.
import PackageDescription

let package = Package(
  name: "LingkarFuzz",
  dependencies: [.package(name: "Lingkar", path: "..")],
  targets: [
    .executableTarget(
      name: "LingkarFuzz",
      dependencies: [.product(name: "LingkarParse", package: "Lingkar")]
    )
  ]
)
