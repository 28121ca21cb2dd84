import Foundation
import Synchronization

/// Progress of long stages on stderr, only when stderr is a terminal: a stage name and a
/// percentage rewritten in place at most a few times a second.
public final class ProgressReporter: Sendable {
    private let state = Mutex<(stage: String, lastPercent: Int, lastTime: UInt64)>(("", -1, 0))

    /// nil when stderr is not a terminal (then nothing is printed at all).
    public static func forTerminal() -> ProgressReporter? { isatty(2) != 0 ? ProgressReporter() : nil }

    public func stage(_ name: String) {
        state.withLock { s in
            if !s.stage.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            s = (name, -1, 0)
            FileHandle.standardError.write(Data("blankspot: \(name)…".utf8))
        }
    }

    /// Called from worker threads with the share done, 0…1.
    public func fraction(_ f: Double) {
        state.withLock { s in
            let percent = Int(f * 100)
            let now = DispatchTime.now().uptimeNanoseconds
            guard percent != s.lastPercent, now - s.lastTime > 200_000_000 || percent == 100 else { return }
            s.lastPercent = percent
            s.lastTime = now
            FileHandle.standardError.write(Data("\r\u{1B}[Kblankspot: \(s.stage)… \(percent) %".utf8))
        }
    }

    public func done() {
        state.withLock { s in
            if !s.stage.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            s = ("", -1, 0)
        }
    }
}
