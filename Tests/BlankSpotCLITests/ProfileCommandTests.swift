import BlankSpotCore
import Foundation
import Testing
import TestSupport

@Suite struct ProfileCommandTests {
    static let fryderyk = Fixtures.path("p1812/validation_profiles/rburg_urban_with_clutter.csv")

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try ExternalTool.run(ExternalTool.blankspot, ["profile", "--json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    static func loss(_ report: [String: Any], model: Int = 0) -> Double {
        ((report["results"] as! [[String: Any]])[model]["basic_transmission_loss_db"] as! NSNumber).doubleValue
    }

    /// The ITU validation file through the command line: the same Lb as the reference
    /// (203.8562392 dB for dataset 2, Fryderyk column 18), within 0.001 dB.
    @Test func fryderykFileGivesReferenceLoss() throws {
        let report = try Self.json(["--profile", Self.fryderyk, "--dataset", "2"])
        #expect(abs(Self.loss(report) - 203.85623915) < 0.001)
        #expect(report["line_of_sight"] as? Bool == false)
        let text = try ExternalTool.run(ExternalTool.blankspot, ["profile", "--profile", Self.fryderyk, "--dataset", "2"])
        #expect(text.stdout.contains("203.856 dB"))
    }

    /// The same path as a plain CSV (distance,height,clutter,zone) with the link on the command
    /// line reproduces the reference loss too.
    @Test func plainProfileCSVGivesReferenceLoss() throws {
        let file = try ProfileFile(text: String(contentsOfFile: Self.fryderyk, encoding: .utf8), file: Self.fryderyk)
        let dir = TemporaryDirectory()
        var csv = "distance_km,height_m,clutter_m,zone\n"
        for i in 0..<file.profile.count {
            csv += "\(file.profile.distancesKm[i]),\(file.profile.heightsM[i]),\(file.profile.clutterHeightsM[i]),\(file.profile.zones[i].rawValue)\n"
        }
        try csv.write(toFile: dir.file("p.csv"), atomically: true, encoding: .utf8)
        let report = try Self.json([
            "--profile", dir.file("p.csv"), "--from", "\(file.txLonDeg!),\(file.txLatDeg!)", "--to", "\(file.rxLonDeg!),\(file.rxLatDeg!)",
            "--frequency-mhz", "500", "--tx-height-m", "12", "--rx-height-m", "19", "--time-percent", "50",
            "--polarization", "h", "--delta-n", "45", "--n0", "323.947135",
        ])
        #expect(abs(Self.loss(report) - 203.85623915) < 0.001)
    }

    /// Two points over the real SRTM tile, on bare terrain. From the summit of Mount Washington
    /// to North Conway the path is clear: P.1812 gives free space (Lb = Lbfs; no diffraction).
    /// From Lincoln to Twin Mountain the Franconia range is in the way: Lb exceeds free space by
    /// more than 20 dB.
    @Test func linkReportsOverRealTerrain() throws {
        let dem = Fixtures.whiteMountainsTile
        let clear = try Self.json(["--dem", dem, "--from=-71.3033,44.2706", "--to=-71.1284,44.0537", "--model", "p1812,fspl", "--clutter", "none"])
        #expect(clear["line_of_sight"] as? Bool == true)
        #expect(abs(Self.loss(clear) - Self.loss(clear, model: 1)) < 0.01)
        #expect((clear["path_length_km"] as! NSNumber).doubleValue > 27 && (clear["path_length_km"] as! NSNumber).doubleValue < 29)
        let blocked = try Self.json(["--dem", dem, "--from=-71.6681,44.0453", "--to=-71.5412,44.2723", "--model", "p1812,fspl"])
        #expect(blocked["line_of_sight"] as? Bool == false)
        #expect(Self.loss(blocked) > Self.loss(blocked, model: 1) + 20)
    }

    /// Clutter over DEMs, as coverage takes it. The default is 15 m trees: P.1812's clear path
    /// from Mount Washington is then obstructed by the trees around the receiver (Lb above
    /// free space), and ITM, which has no clutter profile, takes exactly the receiver's P.2108-1
    /// §3.1 correction for 15 m trees at 1.8 GHz: 25.599 dB (eqs. 2a–7: ν = 8.69, J(ν) − 6.03;
    /// 0.005 dB for the printed rounding).
    @Test func clutterOverDEMs() throws {
        let dem = Fixtures.whiteMountainsTile
        let path = ["--dem", dem, "--from=-71.3033,44.2706", "--to=-71.1284,44.0537", "--model", "p1812,fspl,itm"]
        let trees = try Self.json(path)
        let bare = try Self.json(path + ["--clutter", "none"])
        #expect((trees["clutter"] as? String)?.hasPrefix("uniform trees: R = 15 m") == true)
        #expect((bare["clutter"] as? String)?.hasPrefix("none") == true)
        #expect(Self.loss(trees) > Self.loss(trees, model: 1) + 1, "trees at the receiver obstruct the path")
        let itmIndex = 2
        #expect(abs(Self.loss(trees, model: itmIndex) - Self.loss(bare, model: itmIndex) - 25.599) < 0.005)
        let terms = (trees["results"] as! [[String: Any]])[itmIndex]["terms"] as! [[String: Any]]
        #expect(terms.contains { $0["symbol"] as? String == "Ah" })
        let open = try Self.json(path + ["--clutter", "crops"])
        #expect(abs(Self.loss(open, model: itmIndex) - Self.loss(bare, model: itmIndex)) < 0.005, "a 1.5 m handset stands above 1 m crops")
    }

    /// The path's zones from a plain CSV with a zone column: 0–10 km, points 0–3 inland (4),
    /// 4–5 coastal land (3), 6–10 sea (1). Each point stands for the stretch between the
    /// mid-points to its neighbours (the ends for half a kilometre), so by hand: ω = 4.5/10,
    /// dtm = 5.5 km, dlm = 3.5 km, dct = 6 km (the first sea point), dcr = 0 (the receiver is at
    /// sea). At p = 10 % the zones change the loss (β0 rises as the land sections shorten).
    @Test func zonesOfThePath() throws {
        let dir = TemporaryDirectory()
        func write(_ zones: [Int], _ name: String) throws -> String {
            var csv = "distance_km,height_m,clutter_m,zone\n"
            for i in 0...10 { csv += "\(i),\(i < 6 ? 20 - 3 * i : 0),0,\(zones[i])\n" }
            try csv.write(toFile: dir.file(name), atomically: true, encoding: .utf8)
            return dir.file(name)
        }
        let zoned = try write([4, 4, 4, 4, 3, 3, 1, 1, 1, 1, 1], "coast.csv")
        let inland = try write([Int](repeating: 4, count: 11), "inland.csv")
        let args = ["--from=114.85,-3.95", "--to=114.85,-4.04", "--model", "p1812", "--time-percent", "10"]
        let report = try Self.json(["--profile", zoned] + args)
        let values = (report["results"] as! [[String: Any]])[0]["values"] as! [[String: Any]]
        func value(_ symbol: String) -> Double {
            values.first { ($0["name"] as! String).contains("(\(symbol))") }!["value"] as! Double
        }
        #expect(abs(value("ω") - 0.45) < 1e-12)
        #expect(abs(value("dtm") - 5.5) < 1e-12 && abs(value("dlm") - 3.5) < 1e-12)
        #expect(abs(value("dct") - 6) < 1e-12 && value("dcr") == 0)
        let allInland = try Self.json(["--profile", inland] + args)
        #expect(abs(Self.loss(report) - Self.loss(allInland)) > 0.1, "the zones change the loss at p = 10 %")
    }

    @Test func badInputsAreRejected() throws {
        let dir = TemporaryDirectory()
        try "0,100\n1,abc\n2,120\n".write(toFile: dir.file("bad.csv"), atomically: true, encoding: .utf8)
        let r = try ExternalTool.run(ExternalTool.blankspot, ["profile", "--profile", dir.file("bad.csv"), "--from", "115,-2", "--to", "115.1,-2"])
        #expect(r.status != 0 && r.stderr.contains("line 2") && r.stderr.contains("height_m"))
        let f = try ExternalTool.run(ExternalTool.blankspot, ["profile", "--profile", Self.fryderyk, "--frequency-mhz", "9000"])
        #expect(f.status != 0 && f.stderr.contains("30 MHz to 6 GHz"))
        let off = try ExternalTool.run(ExternalTool.blankspot, ["profile", "--dem", Fixtures.whiteMountainsTile, "--from=-71.5,44.5", "--to=-70.5,44.5"])
        #expect(off.status != 0 && off.stderr.contains("leaves the terrain"))
    }
}

/// `blankspot profile --model itm` on NTIA's driver example (Tests/Fixtures/itm/cmd_examples):
/// the profile given as a plain CSV, the driver's radio parameters on the command line. At 50 %
/// time, locations and situations the variability mode does not matter, so the report must
/// give the driver's 114.5 dB (printed to 0.1 dB: ±0.05) and its intermediate values.
@Suite struct ITMProfileCommandTests {
    @Test func driverExampleThroughTheCommandLine() throws {
        let text = try String(contentsOfFile: Fixtures.path("itm/cmd_examples/pfl.txt"), encoding: .utf8)
        let v = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines))! }
        let dir = TemporaryDirectory()
        var csv = "distance_km,height_m\n"
        for i in 0...Int(v[0]) { csv += "\(Double(i) * v[1] / 1000),\(v[i + 2])\n" }
        try csv.write(toFile: dir.file("pfl.csv"), atomically: true, encoding: .utf8)
        let report = try ProfileCommandTests.json([
            "--profile", dir.file("pfl.csv"), "--from=-105.0,40.0", "--to=-105.03,40.0", "--model", "itm",
            "--frequency-mhz", "3500", "--tx-height-m", "15", "--rx-height-m", "3", "--n0", "301", "--itm-climate", "5",
            "--itm-ground", "average", "--polarization", "v",
        ])
        let results = report["results"] as! [[String: Any]]
        // P.1812 first (always beside ITM), then ITM.
        #expect(results.count == 2)
        #expect((results[0]["model"] as! String).contains("P.1812"))
        #expect(abs(ProfileCommandTests.loss(report, model: 1) - 114.5) <= 0.05)
        var values: [String: Double] = [:]
        for item in results[1]["values"] as! [[String: Any]] {
            values[item["name"] as! String] = (item["value"] as! NSNumber).doubleValue
        }
        #expect(values["propagation mode"] == 1)
        #expect(abs(values["terrain irregularity Δh"]! - 3.2) <= 0.05)
        #expect(abs(values["surface refractivity Ns"]! - 251.5) <= 0.05)
        #expect(abs(values["horizon distance, transmitter"]! - 14.868) <= 0.0005)
        #expect(abs(values["horizon angle, receiver"]! - -0.856) <= 0.0005)
    }

    @Test func badClimateIsRefused() throws {
        let r = try ExternalTool.run(ExternalTool.blankspot, [
            "profile", "--profile", ProfileCommandTests.fryderyk, "--model", "itm", "--itm-climate", "9",
        ])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--itm-climate"))
    }
}
