import BlankSpotCore
import Foundation

/// The report as one self-contained HTML page: styles inline, pictures as data URIs, no
/// script, and a Content-Security-Policy that forbids every network request.
struct ReportPage {
    enum Paper: String, CaseIterable, Sendable {
        case a4, f4
        /// CSS page size: A4 (ISO 216), or F4 (215 × 330 mm, the folio used in Indonesian offices).
        var css: String { self == .a4 ? "A4" : "215mm 330mm" }
    }

    let data: ReportData
    let maps: ReportMaps
    let paper: Paper

    static let contentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

    var generated: Bool { !data.generatedInputs.isEmpty }

    func html() -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta name=\"generator\" content=\"blankspot \(BlankSpotVersion.string)\">\n"
        h += "<title>Laporan desa blank spot — Blank-spot village report</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        h += "<header><h1>\(ReportText.bi("Laporan desa blank spot", "Blank-spot village report"))</h1>\n"
        h += "<p class=\"sub\">\(ReportText.bi("Desa/kelurahan tanpa sinyal seluler yang layak, penduduknya, dan usulan lokasi BTS baru.", "Villages without usable mobile signal, their people, and suggested new tower sites.")) blankspot \(MarkupText.escape(BlankSpotVersion.string))</p></header>\n"
        if generated { h += banner() }
        h += summarySection()
        h += mapSection()
        h += regionSection()
        h += prioritySection()
        if data.sites != nil { h += sitesSection() }
        h += blankListSection()
        h += definitionsSection()
        h += limitsSection()
        h += provenanceSection()
        h += glossarySection()
        h += "</body>\n</html>\n"
        return h
    }

    // MARK: sections

    private func banner() -> String {
        let list = data.generatedInputs.map { "\(MarkupText.escape($0.role)): \(MarkupText.escape(($0.path as NSString).lastPathComponent))" }.joined(separator: "; ")
        return "<div class=\"banner\" id=\"generated-banner\" role=\"alert\"><strong>\(ReportText.bi("PERHATIAN: sebagian masukan adalah data sintetis (GENERATED), bukan data nyata.", "WARNING: some inputs are GENERATED (synthetic), not real data."))</strong> "
            + ReportText.bi("Angka dan peta di laporan ini hanya contoh cara kerja alat, bukan dasar keputusan.", "The figures and maps of this report show how the tool works; they are not a basis for decisions.")
            + " <span class=\"files\">\(list)</span></div>\n"
    }

    private func summarySection() -> String {
        var h = "<section id=\"summary\"><h2>\(ReportText.bi("Ringkasan", "Executive summary"))</h2>\n"
        h += "<table class=\"summary\"><tbody>\n"
        let rows: [(String, String, String)] = [
            ("villages", "Desa/kelurahan dinilai", "Villages rated"),
            ("blank", "Desa blank spot", "Blank villages"),
            ("partial", "Desa sinyal sebagian", "Partial villages"),
            ("covered", "Desa terlayani", "Covered villages"),
            ("population", "Penduduk", "People"),
            ("people_without_service", "Penduduk tanpa layanan", "People without service"),
            ("people_in_blank_villages", "Penduduk di desa blank spot", "People in blank villages"),
        ]
        for (key, id, en) in rows {
            h += "<tr><th scope=\"row\">\(ReportText.bi(id, en))</th><td class=\"num\" data-key=\"\(key)\">\(ReportText.count(data.total(key)))</td></tr>\n"
        }
        let people = data.total("population")
        if people > 0 {
            h += "<tr><th scope=\"row\">\(ReportText.bi("Bagian penduduk tanpa layanan", "Share of people without service"))</th><td class=\"num\">\(IndonesianNumber.percent(100 * data.total("people_without_service") / people))</td></tr>\n"
        }
        h += "</tbody></table>\n"
        let area = data.areaByClassKm2.reduce(0, +)
        h += "<h3>\(ReportText.bi("Luas wilayah menurut kelas layanan", "Area by coverage class"))</h3>\n"
        h += "<table class=\"area\"><thead><tr><th>\(ReportText.bi("Kelas", "Class"))</th><th class=\"num\">km²</th><th class=\"num\">%</th></tr></thead><tbody>\n"
        for (k, name) in data.classNames.enumerated() {
            let km2 = data.areaByClassKm2[k]
            h += "<tr><td><span class=\"swatch\" style=\"background:\(Palette.outsideClasses[min(k, 3)].hex)\"></span>\(MarkupText.escape(name))</td><td class=\"num\" data-class=\"\(k)\">\(IndonesianNumber.format(km2))</td><td class=\"num\">\(area > 0 ? IndonesianNumber.percent(100 * km2 / area) : "")</td></tr>\n"
        }
        h += "<tr class=\"total\"><td>\(ReportText.bi("Jumlah (daratan dengan data terrain)", "Total (land with terrain data)"))</td><td class=\"num\">\(IndonesianNumber.format(area))</td><td class=\"num\">100,0 %</td></tr>\n"
        h += "</tbody></table>\n</section>\n"
        return h
    }

    private func mapSection() -> String {
        var h = "<section id=\"maps\"><h2>\(ReportText.bi("Peta", "Maps"))</h2>\n"
        h += legend()
        for m in maps.maps {
            h += "<figure class=\"map\"><figcaption>\(m.title)</figcaption>\n\(m.svg)</figure>\n"
        }
        h += "<p class=\"note\">\(ReportText.bi("Arahkan kursor ke desa untuk melihat nama, status, penduduk tanpa layanan dan peringkat.", "Hover over a village to see its name, status, people without service and rank."))</p>\n"
        return h + "</section>\n"
    }

    private func legend() -> String {
        var h = "<ul class=\"legend\">"
        for s in [VillageStatus.blank, .partial, .covered] {
            let hatch = s == .blank ? " hatched" : ""
            h += "<li><span class=\"swatch\(hatch)\" style=\"background-color:\(Palette.status(s).hex)\"></span>\(ReportText.status(s.rawValue))</li>"
        }
        for (k, name) in data.classNames.enumerated() {
            h += "<li><span class=\"swatch\" style=\"background:\(Palette.outsideClasses[min(k, 3)].hex)\"></span>\(ReportText.bi("di luar desa:", "outside villages:")) \(MarkupText.escape(name))</li>"
        }
        h += "<li><span class=\"dot\"></span>\(ReportText.bi("BTS yang ada", "existing tower"))</li>"
        if data.sites != nil { h += "<li><span class=\"tri\"></span>\(ReportText.bi("usulan lokasi BTS", "suggested site"))</li>" }
        return h + "</ul>\n"
    }

    private func regionSection() -> String {
        var h = "<section id=\"regions\"><h2>\(ReportText.bi("Menurut kabupaten/kota", "By kabupaten/kota"))</h2>\n"
        h += "<table class=\"regions\"><thead><tr><th>\(ReportText.bi("Kabupaten/kota", "Regency/city"))</th>"
        let columns: [(String, String, String)] = [
            ("villages", "Desa", "Villages"), ("blank", "Blank spot", "Blank"), ("partial", "Sebagian", "Partial"), ("covered", "Terlayani", "Covered"),
            ("population", "Penduduk", "People"), ("people_without_service", "Tanpa layanan", "Without service"),
            ("people_in_blank_villages", "Di desa blank spot", "In blank villages"),
        ]
        for (_, id, en) in columns { h += "<th class=\"num\">\(ReportText.bi(id, en))</th>" }
        h += "</tr></thead><tbody>\n"
        for r in (data.summary["by_region"] as? [[String: Any]]) ?? [] {
            let name = (r["region"] as? String) ?? ""
            let counts = (r["counts"] as? [String: Any]) ?? [:]
            h += "<tr data-region=\"\(MarkupText.escape(name))\"><th scope=\"row\">\(name.isEmpty ? ReportText.bi("(tanpa kabupaten)", "(no regency field)") : MarkupText.escape(name))</th>"
            for (key, _, _) in columns {
                h += "<td class=\"num\" data-key=\"\(key)\">\(ReportText.count((counts[key] as? NSNumber)?.doubleValue ?? 0))</td>"
            }
            h += "</tr>\n"
        }
        return h + "</tbody></table>\n</section>\n"
    }

    private func prioritySection() -> String {
        var h = "<section id=\"priority\"><h2>\(ReportText.bi("Daftar prioritas", "Priority list"))</h2>\n"
        h += "<p>\(ReportText.bi("Skor = penduduk tanpa layanan × bobot (bobot \(IndonesianNumber.format((data.summary["blank_weight"] as? NSNumber)?.doubleValue ?? 1, decimals: 1)) untuk desa blank spot, 1 untuk lainnya).", "Score = people without service × weight (the blank weight for blank villages, else 1)."))</p>\n"
        h += "<table class=\"priority\"><thead><tr>"
        let headers: [(String, String, Bool)] = [
            ("Peringkat", "Rank", true), ("Kode", "ID", false), ("Desa/kelurahan", "Village", false), ("Kecamatan", "District", false),
            ("Kabupaten/kota", "Regency", false), ("Status", "Status", false), ("Penduduk", "People", true),
            ("Tanpa layanan", "Without service", true), ("Terlayani %", "Covered %", true), ("Bobot", "Weight", true), ("Skor", "Score", true),
        ]
        for (id, en, num) in headers { h += "<th\(num ? " class=\"num\"" : "")>\(ReportText.bi(id, en))</th>" }
        h += "</tr></thead><tbody>\n"
        for r in data.priority {
            h += "<tr data-rank=\"\(MarkupText.escape(r["rank"] ?? ""))\"><td class=\"num\">\(MarkupText.escape(r["rank"] ?? ""))</td><td>\(MarkupText.escape(r["village_id"] ?? ""))</td>"
            h += "<td>\(MarkupText.escape(r["name"] ?? ""))</td><td>\(MarkupText.escape(r["district"] ?? ""))</td><td>\(MarkupText.escape(r["region"] ?? ""))</td>"
            h += "<td class=\"st-\(MarkupText.escape(r["status"] ?? ""))\">\(ReportText.statusCell(r["status"] ?? ""))</td>"
            h += "<td class=\"num\" data-key=\"population\">\(ReportText.count(r["population"]))</td>"
            h += "<td class=\"num\" data-key=\"uncovered_population\">\(ReportText.decimal(r["uncovered_population"]))</td>"
            h += "<td class=\"num\" data-key=\"covered_population_percent\">\(ReportText.decimal(r["covered_population_percent"], 2))</td>"
            h += "<td class=\"num\" data-key=\"blank_weight\">\(ReportText.decimal(r["blank_weight"]))</td>"
            h += "<td class=\"num\" data-key=\"score\">\(ReportText.decimal(r["score"]))</td></tr>\n"
        }
        return h + "</tbody></table>\n</section>\n"
    }

    private func sitesSection() -> String {
        var h = "<section id=\"sites\"><h2>\(ReportText.bi("Usulan lokasi BTS", "Suggested tower sites"))</h2>\n"
        if let certificate = data.suggestRun?["certificate"] as? [String: Any], let gap = (certificate["gap_percent"] as? NSNumber)?.doubleValue {
            h += "<p>\(ReportText.bi("Lokasi dipilih agar sebanyak mungkin penduduk tanpa layanan terlayani. Jarak ke optimum paling banyak \(IndonesianNumber.percent(gap, decimals: 2)).", "Sites chosen to serve the most people without service; at most \(IndonesianNumber.percent(gap, decimals: 2)) from the optimum."))</p>\n"
        }
        h += "<p class=\"note\">\(ReportText.bi("Format siap untuk usulan BAKTI/PASTI: kolom lahan dan listrik diisi oleh pengusul. Koordinat dalam derajat desimal WGS 84 (titik desimal, seperti GPS).", "Ready for a BAKTI/PASTI proposal: the land and power columns are for the proposer. Coordinates in WGS 84 decimal degrees (decimal point, as GPS shows them)."))</p>\n"
        h += "<table class=\"sites\"><thead><tr>"
        let headers: [(String, String)] = [
            ("No.", "Rank"), ("ID", "ID"), ("Lintang", "Latitude"), ("Bujur", "Longitude"), ("Tinggi tanah (m)", "Ground (m)"),
            ("Tinggi menara (m)", "Tower (m)"), ("Penduduk terlayani baru", "People newly served"), ("Desa naik status", "Villages lifted"),
            ("Desa yang naik status", "Lifted villages"), ("Status lahan", "Land"), ("Listrik", "Power"),
        ]
        for (id, en) in headers { h += "<th>\(ReportText.bi(id, en))</th>" }
        h += "</tr></thead><tbody>\n"
        for s in data.sites ?? [] {
            let lat = Double(s["lat"] ?? "").map { String(format: "%.6f", $0) } ?? ""
            let lon = Double(s["lon"] ?? "").map { String(format: "%.6f", $0) } ?? ""
            h += "<tr><td class=\"num\">\(MarkupText.escape(s["rank"] ?? ""))</td><td>\(MarkupText.escape(s["id"] ?? ""))</td><td class=\"num\">\(lat)</td><td class=\"num\">\(lon)</td>"
            h += "<td class=\"num\">\(ReportText.count(s["ground_m"]))</td><td class=\"num\">\(ReportText.count(s["height_m"]))</td>"
            h += "<td class=\"num\" data-key=\"people_newly_served\">\(ReportText.count(s["people_newly_served"]))</td><td class=\"num\">\(MarkupText.escape(s["villages_lifted"] ?? ""))</td>"
            h += "<td class=\"small\">\(MarkupText.escape(s["lifted_villages"] ?? ""))</td><td class=\"blankcell\"></td><td class=\"blankcell\"></td></tr>\n"
        }
        return h + "</tbody></table>\n</section>\n"
    }

    private func blankListSection() -> String {
        let blank = data.priority.filter { $0["status"] == "blank" }.sorted {
            ($0["region"] ?? "", $0["district"] ?? "", $0["name"] ?? "", $0["village_id"] ?? "") < ($1["region"] ?? "", $1["district"] ?? "", $1["name"] ?? "", $1["village_id"] ?? "")
        }
        var h = "<section id=\"blank-villages\"><h2>\(ReportText.bi("Daftar desa blank spot", "Blank villages")) (\(blank.count))</h2>\n"
        h += "<table class=\"blanklist\"><thead><tr><th>\(ReportText.bi("Kabupaten/kota", "Regency"))</th><th>\(ReportText.bi("Kecamatan", "District"))</th><th>\(ReportText.bi("Kode", "ID"))</th><th>\(ReportText.bi("Desa/kelurahan", "Village"))</th><th class=\"num\">\(ReportText.bi("Penduduk", "People"))</th><th class=\"num\">\(ReportText.bi("Tanpa layanan", "Without service"))</th><th class=\"num\">\(ReportText.bi("Peringkat", "Rank"))</th></tr></thead><tbody>\n"
        for r in blank {
            h += "<tr><td>\(MarkupText.escape(r["region"] ?? ""))</td><td>\(MarkupText.escape(r["district"] ?? ""))</td><td>\(MarkupText.escape(r["village_id"] ?? ""))</td><td>\(MarkupText.escape(r["name"] ?? ""))</td>"
            h += "<td class=\"num\">\(ReportText.count(r["population"]))</td><td class=\"num\">\(ReportText.count(r["uncovered_population"]))</td><td class=\"num\">\(MarkupText.escape(r["rank"] ?? ""))</td></tr>\n"
        }
        return h + "</tbody></table>\n</section>\n"
    }

    private func definitionsSection() -> String {
        let rules = (data.summary["rules"] as? [String: Any]) ?? [:]
        let covered = (rules["covered_percent"] as? NSNumber)?.doubleValue ?? 90
        let blank = (rules["blank_percent"] as? NSNumber)?.doubleValue ?? 10
        let weight = (data.summary["blank_weight"] as? NSNumber)?.doubleValue ?? 1
        var rows: [(String, String)] = [
            (ReportText.bi("Desa blank spot", "Blank village"), ReportText.bi("kurang dari \(IndonesianNumber.percent(blank, decimals: 0)) penduduknya terlayani", "fewer than \(IndonesianNumber.percent(blank, decimals: 0)) of its people served")),
            (ReportText.bi("Desa terlayani", "Covered village"), ReportText.bi("sedikitnya \(IndonesianNumber.percent(covered, decimals: 0)) penduduknya terlayani", "at least \(IndonesianNumber.percent(covered, decimals: 0)) of its people served")),
            (ReportText.bi("Sinyal sebagian", "Partial village"), ReportText.bi("di antara keduanya", "in between")),
            (ReportText.bi("Bobot desa blank spot", "Blank weight"), IndonesianNumber.format(weight, decimals: 1)),
            (ReportText.bi("Model propagasi", "Propagation model"), MarkupText.escape(ReportText.model(data.coverage.model))),
        ]
        let parameters: [(String, String, String)] = [
            ("thresholds_dbm", "Ambang sinyal terlayani (dBm)", "Service thresholds (dBm)"),
            ("signal_quantity", "Besaran sinyal", "Signal quantity"),
            ("rx_height_m", "Tinggi penerima (m)", "Receiver height (m)"),
            ("time_percent", "Persen waktu", "Time percentage"),
            ("location_percent", "Persen lokasi", "Location percentage"),
            ("clutter", "Clutter (tutupan lahan)", "Clutter (land cover)"),
            ("reach", "Jangkauan perhitungan", "How far each tower is computed"),
            ("cell_size_m", "Ukuran sel grid (m)", "Grid cell size (m)"),
            ("crs", "Sistem koordinat", "Coordinate system"),
        ]
        for (key, id, en) in parameters where !data.parameter(key).isEmpty {
            rows.append((ReportText.bi(id, en), MarkupText.escape(data.parameter(key))))
        }
        rows.append((ReportText.bi("Kelas layanan", "Service classes"), ReportText.bi("tanpa layanan: di bawah ambang; sinyal lemah: 0–10 dB di atas ambang (luar ruangan); baik: 10–20 dB (dalam kendaraan); kuat: 20 dB atau lebih (dalam ruangan)", "no service: below the threshold; marginal: 0–10 dB above (outdoors); good: 10–20 dB (in vehicles); strong: 20 dB or more (indoors)")))
        rows.append((ReportText.bi("Sumber penduduk", "Population source"), MarkupText.escape((data.summary["population_source"] as? String) ?? "")))
        var h = "<section id=\"definitions\"><h2>\(ReportText.bi("Definisi dan angka yang dipakai", "Definitions in numbers"))</h2>\n<table class=\"definitions\"><tbody>\n"
        for (k, v) in rows { h += "<tr><th scope=\"row\">\(k)</th><td>\(v)</td></tr>\n" }
        return h + "</tbody></table>\n</section>\n"
    }

    private func limitsSection() -> String {
        var items: [String] = [
            ReportText.bi("Prediksi, bukan pengukuran: periksa di lapangan sebelum membangun.", "Predictions, not measurements: check on the ground before building."),
            ReportText.bi("Menara yang tidak ada di daftar BTS tidak dihitung; daftar yang tidak lengkap membuat desa tampak lebih buruk.", "Towers missing from the tower list are not counted; an incomplete list makes villages look worse."),
            ReportText.bi("Penduduk disebar merata di dalam desa kecuali ada raster penduduk.", "People are spread evenly inside each village unless a population raster is given."),
            ReportText.bi("Kapasitas jaringan dan backhaul tidak dimodelkan.", "Network capacity and backhaul are not modelled."),
        ]
        if let cut = (data.summary["towers_cut_at_radius"] as? NSNumber)?.intValue, cut > 0 {
            items.append(ReportText.bi("\(cut) BTS terpotong pada batas jangkauan perhitungan; radius yang lebih besar dapat mengubah status desa.", "\(cut) towers were cut at the computation limit; a larger radius could change the verdicts."))
        }
        if generated {
            items.insert("<strong>" + ReportText.bi("Sebagian masukan adalah data sintetis (GENERATED).", "Some inputs are GENERATED (synthetic).") + "</strong>", at: 0)
        }
        return "<section id=\"limits\"><h2>\(ReportText.bi("Batasan", "Limits"))</h2>\n<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>\n</section>\n"
    }

    private func provenanceSection() -> String {
        var h = "<section id=\"provenance\"><h2>\(ReportText.bi("Asal data", "Data provenance"))</h2>\n"
        h += "<table class=\"inputs\"><thead><tr><th>\(ReportText.bi("Peran", "Role"))</th><th>\(ReportText.bi("Berkas", "File"))</th><th class=\"num\">\(ReportText.bi("Ukuran (bita)", "Bytes"))</th><th>SHA-256</th></tr></thead><tbody>\n"
        for i in data.inputs {
            let path = (i["path"] as? String) ?? ""
            let isGenerated = data.generatedInputs.contains { $0.path == path }
            h += "<tr\(isGenerated ? " class=\"generated\"" : "")><td>\(MarkupText.escape((i["role"] as? String) ?? ""))</td><td>\(MarkupText.escape(path))\(isGenerated ? " <strong>(GENERATED)</strong>" : "")</td>"
            h += "<td class=\"num\">\(((i["bytes"] as? NSNumber)?.doubleValue).map { IndonesianNumber.format($0) } ?? "")</td><td class=\"hash\">\(MarkupText.escape((i["sha256"] as? String) ?? ""))</td></tr>\n"
        }
        h += "</tbody></table>\n"
        h += "<p>\(ReportText.bi("Perangkat lunak", "Software")): blankspot \(MarkupText.escape(BlankSpotVersion.string)); \(ReportText.bi("model", "model")) \(MarkupText.escape(data.coverage.model)).</p>\n"
        return h + "</section>\n"
    }

    private func glossarySection() -> String {
        var h = "<section id=\"glossary\"><h2>\(ReportText.bi("Glosarium", "Glossary"))</h2>\n<dl>\n"
        for g in ReportText.glossary {
            h += "<dt>\(MarkupText.escape(g.term))</dt><dd>\(ReportText.bi(g.id, g.en))</dd>\n"
        }
        return h + "</dl>\n</section>\n"
    }

    private var css: String {
        """
        @page { size: \(paper.css); margin: 14mm 12mm 16mm 12mm; @bottom-center { content: "Halaman " counter(page) " / " counter(pages); font: 8pt sans-serif; color: #444; } }
        body { font: 10pt/1.4 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #111; margin: 1.5em auto; max-width: 1100px; padding: 0 1em; }
        h1 { font-size: 18pt; margin: 0 0 .2em; } h2 { font-size: 13pt; border-bottom: 2px solid #333; margin-top: 1.6em; } h3 { font-size: 11pt; }
        .en { color: #555; font-style: italic; font-size: .92em; }
        .sub { color: #333; margin-top: 0; }
        .banner { border: 3px solid \(Palette.blank.hex); background: #fff1f0; padding: .7em 1em; margin: 1em 0; }
        .banner .files { display: block; font-size: 8.5pt; color: #333; margin-top: .3em; }
        table { border-collapse: collapse; margin: .5em 0 1em; font-size: 8.5pt; }
        th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; text-align: left; }
        thead th { background: #eee; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        table.summary td.num { font-size: 11pt; font-weight: bold; }
        .st-blank { background: #f8d0d0; white-space: nowrap; } .st-partial { background: #fde6cc; white-space: nowrap; } .st-covered { background: #d4ecd9; white-space: nowrap; }
        .hash { font-family: monospace; font-size: 7.5pt; word-break: break-all; }
        .small { font-size: 7.5pt; } .blankcell { min-width: 5em; } tr.generated td { background: #fff1f0; }
        figure.map { margin: 0 0 1.2em; page-break-inside: avoid; break-inside: avoid; }
        figcaption { font-weight: bold; margin-bottom: .3em; }
        svg.map { width: 100%; height: auto; border: 1px solid #999; }
        ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3em 1.2em; font-size: 8.5pt; }
        .swatch { display: inline-block; width: 1.1em; height: .9em; border: 1px solid #444; vertical-align: middle; margin-right: .35em; }
        .swatch.hatched { background-image: repeating-linear-gradient(135deg, rgba(0,0,0,.55) 0 1px, transparent 1px 4px); }
        .dot { display: inline-block; width: .6em; height: .6em; border-radius: 50%; background: \(Palette.tower.hex); margin-right: .35em; }
        .tri { display: inline-block; width: 0; height: 0; border-left: .45em solid transparent; border-right: .45em solid transparent; border-bottom: .8em solid \(Palette.site.hex); margin-right: .35em; }
        .note { font-size: 8.5pt; color: #333; }
        dt { font-weight: bold; margin-top: .4em; } dd { margin-left: 1.5em; }
        @media print { body { max-width: none; margin: 0; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } thead { display: table-header-group; } }

        """
    }
}
