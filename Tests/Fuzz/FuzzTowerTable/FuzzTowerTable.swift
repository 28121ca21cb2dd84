import BlankSpotCore
import Foundation

/// libFuzzer target: any bytes as a tower file (encoding detection, CSV dialect, layout
/// detection, column matching, every row's parsing and checks). It must never crash, and what
/// it accepts must hold: finite positions in range, heights and other fields in their
/// documented ranges, unique ids, every rejected row with at least one problem.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTowerTable(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    guard let text = try? TableText.decode(data, file: "fuzz.csv") else { return 0 }
    _ = try? CSVTable(text: text, file: "fuzz.csv")
    guard let result = try? TowerTableReader.readAll(text: text, file: "fuzz.csv") else { return 0 }
    var ids = Set<String>()
    for t in result.towers {
        precondition(t.lonDeg.isFinite && (-180...180).contains(t.lonDeg), "longitude out of range: \(t.lonDeg)")
        precondition(t.latDeg.isFinite && (-90...90).contains(t.latDeg), "latitude out of range: \(t.latDeg)")
        precondition(!(t.lonDeg == 0 && t.latDeg == 0), "(0, 0) accepted")
        precondition((0.5...1000).contains(t.heightM) && t.frequencyMHz > 0 && t.beamwidthDeg >= 1, "field out of range")
        precondition(ids.insert(t.id).inserted, "duplicate id accepted: \(t.id)")
    }
    for r in result.rejected { precondition(!r.problems.isEmpty, "a row rejected without a reason") }
    _ = try? result.requireAllGood(file: "fuzz.csv")
    return 0
}
