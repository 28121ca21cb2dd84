import ArgumentParser
import BlankSpotCore
import Foundation

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
        subcommands: [CoverageCommand.self, VillagesCommand.self, RunCommand.self, SuggestCommand.self, ReportCommand.self, ProfileCommand.self, DemoCommand.self, TilesCommand.self, MosaicCommand.self]
    )

    /// The one way out of the process. Every job has joined its own background work and
    /// removed its staging folder before its error reaches here, so the process ends with the
    /// message and the exit code only: 0, 1 for bad input or a failed run, 64 for a usage
    /// error (sysexits' EX_USAGE, as swift-argument-parser uses for its own).
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)   // help, version, and parse errors (64) as swift-argument-parser reports them
        }
        do {
            var runnable = command
            try runnable.run()
        } catch let error as UsageError {
            Console.error(error.description)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch let error as ValidationError {
            Console.error(error.message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            // `blankspot help CMD` and `CMD --help` parse into a help command whose run throws
            // the help request: swift-argument-parser prints it and exits with 0.
            if exitCode(for: error) == .success { exit(withError: error) }
            Console.error(String(describing: error))
            Foundation.exit(EXIT_FAILURE)
        }
        Foundation.exit(EXIT_SUCCESS)
    }
}
