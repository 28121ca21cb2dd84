import BlankSpotCore
import Foundation

/// libFuzzer target: any text as `--threshold TECH=dBm,…`. It must never crash; an accepted
/// list gives thresholds inside the documented range.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThresholdList(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    guard let t = try? ServiceThresholds.parsingList(text, onto: ServiceThresholds()) else { return 0 }
    for v in [t.gsmDBm, t.umtsDBm, t.lteDBm, t.nrDBm] {
        precondition(OptionRanges.thresholdDBm.range.contains(v), "threshold out of range: \(v)")
    }
    return 0
}
