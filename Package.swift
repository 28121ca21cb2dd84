// swift-tools-version: 6.0
import PackageDescription
import Foundation

/// Code generation for the engine. On an x86-64 build machine with the Haswell-era extensions
/// (AVX2, FMA, BMI1/2, F16C, MOVBE, LZCNT: every Intel core since 2013, every AMD Zen), the
/// engine is compiled for that instruction set: three-operand VEX arithmetic and fewer register
/// copies take about 10 % off the P.1812 sweep's instructions. Floating-point results do not
/// change: Swift never fuses a multiply and an add unless the code asks for it, and the outputs
/// were compared byte for byte (docs/sweep.md, code generation). The binary is built where it runs (SwiftPM builds
/// from source); set BLANKSPOT_GENERIC_CPU=1 to build for any x86-64 instead.
let engineSwiftSettings: [SwiftSetting] = {
    #if arch(x86_64) && os(Linux)
    guard ProcessInfo.processInfo.environment["BLANKSPOT_GENERIC_CPU"] == nil,
          let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return [] }
    let flags = Set(flagsLine.split(separator: " ").map(String.init))
    let haswell = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm"]   // LZCNT is listed as abm
    return haswell.allSatisfy(flags.contains) ? [.unsafeFlags(["-target-cpu", "haswell"])] : []
    #else
    return []
    #endif
}()

let package = Package(
    name: "blankspot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "blankspot", targets: ["blankspot"]),
        .library(name: "BlankSpotCore", targets: ["BlankSpotCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // GDAL 3.6 C API (Debian libgdal-dev), found through pkg-config.
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),
        // PROJ's geodesic API (Debian libproj-dev, installed with libgdal-dev).
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        // OpenSSL's libcrypto (Debian libssl-dev, a dependency of libgdal-dev): SHA-256 of inputs.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // GLPK's C API (Debian libglpk-dev, which ships no pkg-config file): the linear
        // programming relaxation that bounds `suggest`'s optimum.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The engine: grids, terrain, towers, propagation, the sweep. No GDAL.
        .target(name: "BlankSpotCore", swiftSettings: engineSwiftSettings),
        // GDAL at the edges: rasters, vectors, spatial references, errors.
        .target(name: "BlankSpotGDAL", dependencies: ["CGDAL", "CPROJ", "CCrypto", "BlankSpotCore"]),
        // The jobs: read inputs, call the engine, write the output folder.
        // The LP relaxation bound of site selection, through GLPK.
        .target(name: "BlankSpotLP", dependencies: ["BlankSpotCore", "CGLPK"]),
        .target(name: "BlankSpotPipeline", dependencies: ["BlankSpotCore", "BlankSpotGDAL", "BlankSpotLP"]),
        .executableTarget(
            name: "blankspot",
            dependencies: [
                "BlankSpotCore", "BlankSpotPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark suite (release build): `swift run -c release blankspot-bench`.
        .executableTarget(
            name: "blankspot-bench",
            dependencies: ["BlankSpotCore", "BlankSpotPipeline", "BlankSpotGDAL"],
            path: "benchmarks/Sources/blankspot-bench"
        ),
        // Builds the sample scenario files of data/kalsel (see data/kalsel/README.md).
        .executableTarget(
            name: "kalsel-sample",
            dependencies: ["BlankSpotCore", "BlankSpotGDAL", "BlankSpotPipeline"],
            path: "tools/kalsel-sample"
        ),
        // Builds the estimated and GENERATED files of data/bungo (see data/bungo/README.md).
        .executableTarget(
            name: "bungo-sample",
            dependencies: ["BlankSpotCore", "BlankSpotGDAL", "BlankSpotPipeline"],
            path: "tools/bungo-sample"
        ),
        // Writes docs/commands.md from `blankspot --experimental-dump-help` (see its header).
        .executableTarget(name: "command-reference", path: "tools/command-reference"),
        // Helpers shared by the test targets: fixture paths, running external tools.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BlankSpotCoreTests", dependencies: ["BlankSpotCore", "BlankSpotLP", "TestSupport"]),
        .testTarget(
            name: "BlankSpotGDALTests",
            dependencies: ["BlankSpotCore", "BlankSpotGDAL", "TestSupport", "kalsel-sample"]),
        // End-to-end: runs the built `blankspot` executable on real inputs.
        .testTarget(
            name: "BlankSpotCLITests",
            dependencies: ["blankspot", "kalsel-sample", "bungo-sample", "command-reference", "BlankSpotCore", "BlankSpotGDAL", "TestSupport"]),
    ]
)

// libFuzzer targets (Tests/Fuzz), built only for fuzzing: `tools/fuzz` sets BLANKSPOT_FUZZ=1 and
// builds them with `--sanitize=fuzzer`, which supplies their entry point (they have no main).
if ProcessInfo.processInfo.environment["BLANKSPOT_FUZZ"] != nil {
    for name in ["FuzzTowerTable", "FuzzProfileFile", "FuzzThresholdList", "FuzzColumnMapping"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["BlankSpotCore"], path: "Tests/Fuzz/\(name)"))
    }
}
