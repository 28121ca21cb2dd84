import Foundation

/// The text of a table file as spreadsheets save it: UTF-8 (with or without a BOM), UTF-16
/// with a BOM (Excel's "Unicode text"), or, when the bytes are not valid UTF-8, Windows-1252
/// (Excel's "CSV" in Indonesian and Western locales). A file with NUL bytes in its first
/// kilobytes and no UTF-16 BOM is binary and refused.
public enum TableText {
    /// The largest table read into memory: a million towers take about 100 MB.
    public static let maxBytes = 1 << 30

    /// - Throws: ``InputError`` unless `path` is a regular file (not a folder, device or pipe,
    ///   which could be endless) of at most ``maxBytes``.
    public static func checkReadableFile(_ path: String) throws {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else {
            throw InputError(file: path, message: "the file cannot be read")
        }
        let type = attributes[.type] as? FileAttributeType
        if type == .typeDirectory { throw InputError(file: path, message: "is a folder and cannot be read as a table; expected a CSV file") }
        guard type == .typeRegular else {
            throw InputError(file: path, message: "is not a regular file (a device, pipe or socket) and cannot be read as a table; expected a CSV file")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maxBytes {
            throw InputError(file: path, message: "is \(size / (1 << 20)) MiB; expected a table of at most \(maxBytes / (1 << 20)) MiB")
        }
    }

    public static func decode(_ data: Data, file: String) throws -> String {
        let bytes = [UInt8](data.prefix(4096))
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw InputError(file: file, message: "starts like UTF-16 text but is not; expected a text table (CSV)")
            }
            return text
        }
        if bytes.contains(0) {
            throw InputError(file: file, message: "is a binary file, not a text table; expected a CSV with a header line (or give a GIS layer such as .gpkg or .geojson)")
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        if let text = String(data: data, encoding: .windowsCP1252) { return text }
        throw InputError(file: file, message: "is neither UTF-8 nor Windows-1252 text; expected a CSV table")
    }
}
