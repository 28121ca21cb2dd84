import CGDAL
import Foundation
import Synchronization

/// A GDAL, OGR or OSR call that failed, with GDAL's own message.
public struct GDALFailure: Error, CustomStringConvertible, Sendable {
    /// The file or dataset involved (may be empty).
    public var path: String
    /// What blankspot was doing ("open the DEM", "write signal_dbm.tif").
    public var operation: String
    /// GDAL's last error message, when it gave one.
    public var gdalMessage: String

    public var description: String {
        let head = path.isEmpty ? "could not \(operation)" : "\(path): could not \(operation)"
        return gdalMessage.isEmpty ? head : "\(head): \(gdalMessage)"
    }
}

/// One-time GDAL setup: register drivers, route GDAL warnings to stderr.
enum GDALRuntime {
    private static let started = Mutex(false)

    /// Registers all drivers and installs the message handler; cheap after the first call.
    static func start() {
        started.withLock { done in
            guard !done else { return }
            GDALAllRegister()
            // Reading a .gz DEM must not leave a .properties index file beside it.
            CPLSetConfigOption("CPL_VSIL_GZIP_WRITE_PROPERTIES", "NO")
            CPLSetErrorHandler { severity, _, message in
                // Failures are reported through the thrown error (CPLGetLastErrorMsg);
                // warnings are shown as they come, never swallowed.
                guard severity == CE_Warning, let message else { return }
                FileHandle.standardError.write(Data("GDAL warning: \(String(cString: message))\n".utf8))
            }
            done = true
        }
    }

    /// GDAL's last error message on this thread, then cleared.
    static func lastErrorMessage() -> String {
        let text = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        CPLErrorReset()
        return text
    }

    static func failure(_ operation: String, path: String = "") -> GDALFailure {
        GDALFailure(path: path, operation: operation, gdalMessage: lastErrorMessage())
    }
}

/// A NULL-terminated `char**` list (GDAL's CSL) built from Swift strings, freed on deinit.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ strings: [String]) {
        for s in strings { pointer = CSLAddString(pointer, s) }
    }

    deinit { CSLDestroy(pointer) }
}

/// A GDAL dataset handle, closed when the last reference goes. Never leaves this module.
final class GDALDatasetHandle {
    let handle: GDALDatasetH
    let path: String

    init(handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
    }

    /// Opens `path` read-only as a raster (`vector: false`) or vector dataset.
    static func open(_ path: String, vector: Bool, displayPath: String? = nil) throws -> GDALDatasetHandle {
        GDALRuntime.start()
        let flags = UInt32(vector ? GDAL_OF_VECTOR : GDAL_OF_RASTER) | UInt32(GDAL_OF_VERBOSE_ERROR)
        guard let h = GDALOpenEx(path, flags, nil, nil, nil) else {
            throw GDALRuntime.failure("open it as a \(vector ? "vector" : "raster") dataset", path: displayPath ?? path)
        }
        return GDALDatasetHandle(handle: h, path: displayPath ?? path)
    }

    deinit { GDALClose(handle) }
}
