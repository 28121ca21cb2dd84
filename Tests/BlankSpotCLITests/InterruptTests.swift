import Foundation
import Testing
import TestSupport

/// Ctrl-C or a scheduler's SIGTERM in the middle of a run: the process ends at once with
/// 128 + the signal, and leaves neither the output folder nor its temporary folder.
@Suite struct InterruptTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func signalDuringARunLeavesNothing(_ sig: Int32) throws {
        let dir = TemporaryDirectory()
        try "id,lon,lat,height_m\nA,-71.30,44.27,30\nB,-71.60,44.50,30\n".write(toFile: dir.file("t.csv"), atomically: true, encoding: .utf8)
        let out = dir.file("nested/out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExternalTool.blankspot)
        process.arguments = ["coverage", "--dem", Fixtures.whiteMountainsTile, "--towers", dir.file("t.csv"), "--out", out,
                             "--radius-km", "60", "--model", "itm"]
        let errURL = URL(fileURLWithPath: dir.file("stderr.txt"))
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the run is under way: its temporary folder exists (at most 20 s).
        let deadline = Date().addingTimeInterval(20)
        var started = false
        while Date() < deadline, process.isRunning {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir.file("nested"))) ?? []
            if entries.contains(where: { $0.hasPrefix(".out.partial") }) { started = true; break }
            usleep(20_000)
        }
        #expect(started, "the run started")
        usleep(300_000)
        kill(process.processIdentifier, sig)
        process.waitUntilExit()
        try? err.close()
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 128 + sig, "exit \(process.terminationStatus): \(stderr)")
        #expect(stderr.contains("interrupted; no output written"))
        #expect(!stderr.contains("crashed") && !stderr.contains("Backtrac"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: dir.file("nested")), "the folder the run created for its output is gone too")
    }
}
