import ArgumentParser
import BlankSpotCore

@main
struct BlankSpotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blankspot",
        abstract: "Find where mobile signal does not reach: terrain-aware coverage from tower lists and DEMs.",
        discussion: """
        Reads towers (CSV, OpenCelliD export, or any OGR point layer) and terrain (any DEM GDAL \
        opens), sweeps every tower's surroundings on a metric grid and writes GeoTIFFs that open in QGIS.
        """,
        version: BlankSpotVersion.string,
        subcommands: [CoverageCommand.self, VillagesCommand.self, RunCommand.self, ProfileCommand.self, DemoCommand.self]
    )
}
