import BlankSpotCore
import Foundation

/// Prints an HTML file to PDF with headless Chromium (Debian package `chromium`): the page's
/// own `@page` size and page numbers, no browser header or footer, and no network (every
/// host resolves to nothing, and a proxy that does not exist catches the rest).
enum PDFPrinter {
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    static func find(_ given: String?) -> String? {
        if let given { return FileManager.default.isExecutableFile(atPath: given) ? given : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in candidates {
            for dir in path.split(separator: ":") {
                let full = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: full) { return full }
            }
        }
        return nil
    }

    static func print(htmlPath: String, to pdfPath: String, chromium given: String?) throws {
        guard let chromium = find(given) else {
            throw InputError(file: given ?? "chromium", message: "was not found; --pdf needs headless Chromium (Debian: apt-get install chromium), or give its path with --chromium")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("blankspot-chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let temporary = pdfPath + ".partial-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let absolute = URL(fileURLWithPath: htmlPath).standardizedFileURL.absoluteString
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(profile)",
                             "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync",
                             "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                             "--no-pdf-header-footer", "--print-to-pdf=\(temporary)", absolute]
        // Chromium's log goes to a file: a pipe left unread until exit could fill and stall it.
        let logPath = profile + ".log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw InputError(file: chromium, message: "cannot be started (\(error.localizedDescription)); expected headless Chromium")
        }
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw InputError(file: chromium, message: "did not finish printing \(htmlPath) within 300 s")
        }
        let message = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        let size = (try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? NSNumber)??.intValue ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            throw InputError(file: chromium, message: "could not print \(htmlPath) to PDF (exit \(process.terminationStatus)): \(message.split(separator: "\n").suffix(3).joined(separator: " "))")
        }
        guard rename(temporary, pdfPath) == 0 else {
            throw InputError(file: pdfPath, message: "cannot be written (\(String(cString: strerror(errno))))")
        }
    }
}
