import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Predict coverage from every tower over the terrain and write GeoTIFFs.",
        discussion: """
        Outputs in --out (created only when the run succeeds): server_count.tif, coverage.tif, \
        best_server.tif, towers.csv, run.json.
        """
    )

    @Option(name: .customLong("dem"), parsing: .upToNextOption,
            help: ArgumentHelp("DEM file(s): any raster GDAL opens (GeoTIFF, SRTM .hgt/.hgt.zip/.hgt.gz, VRT); several are mosaicked.", valueName: "file"))
    var demPaths: [String]

    @Option(name: .customLong("towers"), help: ArgumentHelp("Tower list: CSV with lon,lat (+ optional columns), an OpenCelliD export, or an OGR point layer.", valueName: "file"))
    var towersPath: String

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder (must not exist unless --overwrite).", valueName: "dir"))
    var outPath: String

    @Option(help: "Model: los (line of sight).")
    var model: CoverageModelKind = .los

    @Option(name: .customLong("radius-km"), help: "Farthest distance evaluated from each tower, km.")
    var radiusKm: Double = 30

    @Option(name: .customLong("rx-height-m"), help: "Receiver height above ground, m.")
    var rxHeightM: Double = 1.5

    @Option(name: .customLong("k-factor"), help: "Effective earth radius factor k (4/3 = standard atmosphere).")
    var kFactor: Double = 4.0 / 3.0

    @Option(help: ArgumentHelp("Analysis CRS (default: the WGS 84 UTM zone of the towers' centre).", valueName: "EPSG:code|WKT"))
    var crs: String?

    @Option(name: .customLong("resolution-m"), help: "Cell size in metres (default: the DEM's native resolution).")
    var resolutionM: Double?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Replace --out if it exists.")
    var overwrite = false

    func run() throws {
        let request = CoverageRequest(
            demPaths: demPaths, towersPath: towersPath, outPath: outPath, model: model,
            settings: SweepSettings(radiusM: radiusKm * 1000, rxHeightM: rxHeightM, kFactor: kFactor),
            crs: crs, resolutionM: resolutionM, threads: threads, overwrite: overwrite,
            commandLine: CommandLine.arguments)
        let summary = try CoverageJob.run(request, log: Console.warn)
        Console.info("""
            wrote \(summary.outPath): \(summary.towersUsed) towers (\(summary.towersSkipped) skipped), \
            \(summary.cells) cells, \(summary.servedCells) served; \
            read \(Console.seconds(summary.timingsS["read"])), sweep \(Console.seconds(summary.timingsS["sweep"])), \
            write \(Console.seconds(summary.timingsS["write"]))
            """)
    }
}

extension CoverageModelKind: ExpressibleByArgument {}
