import BlankSpotCore
import Foundation

/// `blankspot run`: coverage, then villages, into one output folder that appears only when both
/// are done.
public enum RunJob {
    /// - Parameter suggest: with `run --suggest K`, the site suggestion, written to `suggest/`
    ///   (its coverage, villages and paths are taken from this run).
    public static func run(coverage: CoverageRequest, villages: VillagesRequest, suggest: SuggestRequest? = nil, log: (String) -> Void,
                           progress: ProgressReporter?) throws -> (CoverageSummary, VillagesSummary, SuggestSummary?) {
        try coverage.settings.validate()
        guard coverage.threads >= 1 else { throw UsageError("--threads must be at least 1, got \(coverage.threads)") }
        let output = try StagedOutputFolder(destination: coverage.outPath, overwrite: coverage.overwrite)
        do {
            let c = try CoverageJob.write(coverage, into: output, log: log, progress: progress)
            progress?.stage("aggregating villages")
            var v = try VillagesJob.write(villages, coverageFolder: output.staging.path, into: output, log: log)
            var s: SuggestSummary?
            if var suggest {
                suggest.coverage = coverage
                suggest.villages = villages
                suggest.coveragePath = output.staging.path
                let folder = output.path("suggest")
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
                s = try SuggestJob.write(suggest, coverageFolder: output.staging.path, folder: folder, log: log, progress: progress)
                s?.outPath = output.destination.appendingPathComponent("suggest").path
            }
            progress?.stage("writing the report")
            try ReportJob.write(stagedFolder: output.staging.path, log: log)
            progress?.done()
            try output.commit()
            v.outPath = output.destination.path
            return (c, v, s)
        } catch {
            output.discard()
            throw error
        }
    }
}
