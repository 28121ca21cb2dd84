import ArgumentParser
import BlankSpotCore
import Foundation

/// The clutter options shared by `coverage`, `run` and `profile`: a land-cover map with its
/// legend, or one category everywhere.
struct ClutterOptions: ParsableArguments {
    @Option(name: .customLong("landcover"), parsing: .upToNextOption, help: ArgumentHelp(
        "Land-cover raster(s), any GDAL reads, e.g. ESA WorldCover tiles: each cell's class gives its clutter.",
        valueName: "file"))
    var landCoverPaths: [String] = []

    @Option(name: .customLong("landcover-table"), help: ArgumentHelp(
        "Land-cover legend CSV (code,name,category,clutter_height_m,p1812_zone,p2108_type,hata_environment); default: ESA WorldCover's codes.",
        valueName: "file"))
    var landCoverTablePath: String?

    @Option(name: .customLong("clutter"), help: ArgumentHelp(
        "Without --landcover: one clutter category everywhere (none, open, crops, shrubs, village, plantation, trees, forest, urban; default trees, R = 15 m).",
        valueName: "category"))
    var clutterName: String?

    /// Whether any clutter option was given.
    var isGiven: Bool { !landCoverPaths.isEmpty || landCoverTablePath != nil || clutterName != nil }

    /// The options' consistency, before any file is read.
    /// - Throws: ``UsageError``.
    func check() throws {
        if let clutterName { _ = try ClutterSource.parse(uniform: clutterName) }
        if !landCoverPaths.isEmpty && clutterName != nil { throw UsageError("--clutter applies without --landcover only; the land cover gives each cell its clutter") }
        if landCoverPaths.isEmpty && landCoverTablePath != nil { throw UsageError("--landcover-table needs --landcover") }
    }

    /// The clutter: the land cover with its table, else --clutter, else the default category.
    func source() throws -> ClutterSource {
        try check()
        if !landCoverPaths.isEmpty {
            guard let path = landCoverTablePath else {
                return .landCover(paths: landCoverPaths, table: WorldCoverTable.table, tableName: WorldCoverTable.table.name)
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputError(file: path, message: "no such file; expected a land-cover table (code,name,category,clutter_height_m,p1812_zone,p2108_type,hata_environment)")
            }
            try TableText.checkReadableFile(path)
            let text = try TableText.decode(try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
            return .landCover(paths: landCoverPaths, table: try LandCoverTable.parse(text: text, file: path), tableName: path)
        }
        guard let clutterName else { return .uniform(.default) }
        return try ClutterSource.parse(uniform: clutterName)
    }
}
