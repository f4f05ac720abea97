import Foundation
import Testing

/// `parallax language`: one `code<TAB>confidence` line out for every line in.
@Suite struct LanguageCommandTests {
    /// Output lines split into (code, confidence); fails the test on a malformed line.
    private func answers(_ stdout: String) -> [(code: String, confidence: Double)] {
        var lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 2, "malformed output line \(line.debugDescription)")
            let confidence = fields.count == 2 ? Double(fields[1]) : nil
            #expect(confidence.map { (0...1).contains($0) } == true, "confidence of \(line.debugDescription)")
            if fields.count == 2 { #expect(fields[1].count == 5, "three decimals: \(line.debugDescription)") }
            return (String(fields.first ?? ""), confidence ?? -1)
        }
    }

    private func identify(_ input: String, _ arguments: [String] = []) throws -> [(code: String, confidence: Double)] {
        let result = try CLI.run(["language"] + arguments, stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        return answers(result.stdout)
    }

    @Test func eachLineGetsItsLanguage() throws {
        let lines = [
            "The government announced new measures to curb inflation on Tuesday.",
            "Die Regierung hat am Dienstag neue Maßnahmen gegen die Inflation angekündigt.",
            "Le gouvernement a annoncé mardi de nouvelles mesures contre l'inflation.",
            "El gobierno anunció el martes nuevas medidas para frenar la inflación.",
            "Правительство во вторник объявило о новых мерах по борьбе с инфляцией.",
        ]
        let out = try identify(lines.joined(separator: "\n") + "\n")
        #expect(out.map(\.code) == ["en", "de", "fr", "es", "ru"])
        #expect(out.allSatisfy { $0.confidence > 0.8 })
    }

    @Test func linesWithoutLettersAreUndeterminedWithZeroConfidence() throws {
        let out = try identify("\n12345 678\n🙂🎉👍🏽\n   \n--- !!! ---\n")
        #expect(out.count == 5)
        #expect(out.allSatisfy { $0.code == "und" && $0.confidence == 0 })
    }

    @Test func candidatesRestrictTheAnswers() throws {
        let input = "Die Regierung hat am Dienstag neue Maßnahmen angekündigt.\nThe cat sleeps on the sofa all day long.\n42\n"
        let out = try identify(input, ["--candidates", "en,nl"])
        #expect(out.count == 3)
        #expect(out[0].code == "nl" || out[0].code == "en")
        #expect(out[1].code == "en")
        #expect(out[2].code == "und")
        let free = try identify(input)
        #expect(free[0].code == "de")
    }

    @Test func unknownCandidateCodeIsAnError() throws {
        let result = try CLI.run(["language", "--candidates", "en,xx"], stdin: Data("Hello world\n".utf8))
        #expect(result.status != 0)
        #expect(result.stderr.contains("xx"))
        #expect(result.stdout.isEmpty)
    }

    @Test func invalidUTF8StillGivesOneLinePerLine() throws {
        var bytes = Data("The minister resigned after the ".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(Data(" scandal broke last week.\n".utf8))
        bytes.append(contentsOf: [0xFF, 0xFE, 0xC3, 0x28, 0x0A])  // only invalid sequences and "("
        bytes.append(contentsOf: [0xE2, 0x82, 0x0A])  // a truncated three-byte sequence
        bytes.append(Data("Ministr odstoupil po skandálu, který vypukl minulý týden.".utf8))  // no final newline
        var invalid = Data([0x80])
        invalid.append(Data(" The minister resigned after the scandal broke last week.\r\n".utf8))
        bytes.append(0x0A)
        bytes.append(invalid)
        let result = try CLI.run(["language"], stdin: bytes)
        #expect(result.status == 0)
        let out = answers(result.stdout)
        #expect(out.count == 5)
        guard out.count == 5 else { return }
        #expect(out[0].code == "en")
        #expect(out[1].code == "und")
        #expect(out[2].code == "und")
        #expect(out[3].code == "cs")
        #expect(out[4].code == "en")
    }

    @Test func aFileArgumentReadsLikeStandardInput() throws {
        let input = "Ovo je rečenica na hrvatskom jeziku o vremenu.\nDette er en setning om været i morgen.\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-language-\(UUID().uuidString).txt")
        try Data(input.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try CLI.run(["language", file.path])
        let fromStdin = try CLI.run(["language", "-"], stdin: Data(input.utf8))
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == fromStdin.stdout)
        #expect(answers(fromFile.stdout).count == 2)
    }

    @Test func missingFileIsAOneLineError() throws {
        let result = try CLI.run(["language", "/nonexistent/lines.txt"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/lines.txt"))
    }

    /// Esperanto, Latin, Yoruba and Quechua are not in the model: their n-grams are poorly
    /// explained by every language it knows, so whatever it answers, it must not be sure.
    @Test func languagesOutsideTheModelGetLowConfidence() throws {
        let lines = [
            "La registaro anoncis novajn rimedojn kontraŭ la inflacio dum la pasinta semajno.",
            "Mi ŝatas legi librojn en la parko kiam la vetero estas bela kaj varma.",
            "Senatus populusque Romanus bellum contra hostes gerere constituerunt.",
            "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae.",
            "Ọba náà sọ pé àwọn ènìyàn gbọ́dọ̀ máa ṣiṣẹ́ pọ̀ fún ìlọsíwájú ìlú wa.",
            "Ñuqaqa wasiyman kutimushani, mamaypas taytaypas suyakuwashanku.",
        ]
        let out = try identify(lines.joined(separator: "\n") + "\n")
        #expect(out.count == lines.count)
        for (line, answer) in zip(lines, out) {
            #expect(answer.confidence < 0.5, "\(answer.code) \(answer.confidence) for \(line)")
        }
    }
}
