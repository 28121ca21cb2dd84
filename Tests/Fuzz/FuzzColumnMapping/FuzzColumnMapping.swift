import BlankSpotCore
import Foundation

/// libFuzzer target: any text as `--column` values (one per line) and, after a blank line, a
/// CSV header. It must never crash; an accepted mapping points each mapped field at a column
/// that exists, and no column feeds two fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzColumnMapping(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let parts = text.components(separatedBy: "\n\n")
    let items = parts[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let mapping = try? TowerColumns.parseMapping(items) else { return 0 }
    let headerLine = parts.count > 1 ? parts[1] : "id,lon,lat,height_m,tower_height,power_w"
    guard let table = try? CSVTable(text: headerLine + "\n", file: "fuzz.csv"),
          let columns = try? TowerColumns(header: table.header, mapping: mapping, file: "fuzz.csv") else { return 0 }
    var seen = Set<Int>()
    for (field, i) in columns.index {
        precondition(i >= 0 && i < table.header.count, "\(field) points outside the header")
        precondition(seen.insert(i).inserted, "a column feeds two fields")
    }
    for (field, name) in mapping {
        precondition(columns.index[field].map { TowerColumns.normalized(table.header[$0]) == TowerColumns.normalized(name) } == true,
                     "\(field) is not fed by its mapped column")
    }
    return 0
}
