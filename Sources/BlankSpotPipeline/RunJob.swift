import BlankSpotCore
import Foundation

/// `blankspot run`: coverage, then villages, into one output folder that appears only when both
/// are done.
public enum RunJob {
    public static func run(coverage: CoverageRequest, villages: VillagesRequest, log: (String) -> Void,
                           progress: ProgressReporter?) throws -> (CoverageSummary, VillagesSummary) {
        try coverage.settings.validate()
        guard coverage.threads >= 1 else { throw UsageError("--threads must be at least 1, got \(coverage.threads)") }
        let output = try StagedOutputFolder(destination: coverage.outPath, overwrite: coverage.overwrite)
        do {
            let c = try CoverageJob.write(coverage, into: output, log: log, progress: progress)
            progress?.stage("aggregating villages")
            var v = try VillagesJob.write(villages, coverageFolder: output.staging.path, into: output, log: log)
            progress?.done()
            try output.commit()
            v.outPath = output.destination.path
            return (c, v)
        } catch {
            output.discard()
            throw error
        }
    }
}
