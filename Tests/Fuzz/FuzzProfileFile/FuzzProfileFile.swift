import BlankSpotCore
import Foundation

/// libFuzzer target: any bytes as a profile file, in both formats (plain CSV, and the ITU-R SG3
/// "Fryderyk" layout when the text has its `{Begin of Profile}` line). It must never crash; an
/// accepted profile has at least 3 points at increasing, finite distances, finite heights and
/// clutter of 0 or more.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfileFile(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    guard let text = try? TableText.decode(data, file: "fuzz.csv"),
          let file = try? ProfileFile(text: text, file: "fuzz.csv") else { return 0 }
    let p = file.profile
    precondition(p.count >= 3, "fewer than 3 points accepted")
    for i in 0..<p.count {
        precondition(p.distancesKm[i].isFinite && p.heightsM[i].isFinite && p.clutterHeightsM[i] >= 0, "bad point accepted")
        if i > 0 { precondition(p.distancesKm[i] > p.distancesKm[i - 1], "distances not increasing") }
    }
    return 0
}
