// The .ts files are complete and consistent with their sources, the embedded catalogues
// load, and the chosen language drives number formatting, in the library and in the binary.
#include "DisplayText.h"
#include "core/Translations.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

// The %1..%99 placeholders of a text, sorted, duplicates kept: a translation must use the
// same ones (QString::arg numbers them, a lost or extra one shifts every argument).
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2}|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

// One line per message of a .ts text that is unfinished, vanished, obsolete, empty, or whose
// placeholders differ from its source; and a line for XML that cannot be read.
QStringList problems(const QByteArray &ts)
{
    QStringList out;
    QXmlStreamReader xml(ts);
    QString context, source, type;
    QStringList forms;
    bool numerus = false;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                source.clear();
                type.clear();
                forms.clear();
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
                if (!numerus)
                    forms << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ++messages;
            const QString where = QStringLiteral("%1 \"%2\"").arg(context, source);
            if (!type.isEmpty())
                out << QStringLiteral("%1: %2").arg(type, where);
            if (forms.isEmpty())
                out << QStringLiteral("no translation: %1").arg(where);
            for (const QString &form : std::as_const(forms)) {
                if (form.trimmed().isEmpty() && !source.trimmed().isEmpty())
                    out << QStringLiteral("empty: %1").arg(where);
                else if (placeholders(form) != placeholders(source))
                    out << QStringLiteral("placeholders %1 instead of %2: %3 -> \"%4\"")
                               .arg(placeholders(form).join(QLatin1Char(' ')),
                                    placeholders(source).join(QLatin1Char(' ')), where, form);
            }
        }
    }
    if (xml.hasError())
        out << QStringLiteral("unreadable XML at line %1: %2")
                   .arg(xml.lineNumber())
                   .arg(xml.errorString());
    else if (messages == 0)
        out << QStringLiteral("no messages");
    return out;
}

QStringList tsFiles()
{
    const QDir dir(QStringLiteral(GC_TRANSLATIONS_DIR));
    return dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        // Every test leaves English behind, as the other tests expect it.
        QVERIFY(Translations::install(QStringLiteral("en")));
    }

    // The check below must be able to fail: each kind of problem in a made-up file.
    void checkerFindsEveryKind()
    {
        const QByteArray bad = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="id_ID"><context><name>C</name>
<message><source>A %1</source><translation type="unfinished"></translation></message>
<message><source>B</source><translation type="vanished">b</translation></message>
<message><source>C</source><translation type="obsolete">c</translation></message>
<message><source>D</source><translation></translation></message>
<message><source>E %1 %2</source><translation>e %1</translation></message>
<message numerus="yes"><source>%n F</source><translation><numerusform>f</numerusform></translation></message>
<message><source>G %1</source><translation>g %1</translation></message>
</context></TS>)";
        const QStringList found = problems(bad);
        const QString all = found.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("unfinished: C \"A %1\"")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("vanished: C \"B\"")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("obsolete: C \"C\"")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("empty: C \"D\"")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("placeholders %1 instead of %1 %2: C \"E %1 %2\"")),
                 qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("C \"%n F\"")), qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("\"G %1\"")), qPrintable(all));
        QVERIFY(
            problems("<TS><context>").join(QString()).contains(QLatin1String("unreadable XML")));
    }

    void tsFileComplete_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = tsFiles();
        QVERIFY(files.contains(QLatin1String("gateway-console_id.ts")));
        QVERIFY(files.contains(QLatin1String("gateway-console_pt_BR.ts")));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void tsFileComplete()
    {
        QFETCH(QString, file);
        QFile f(QDir(QStringLiteral(GC_TRANSLATIONS_DIR)).filePath(file));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.errorString()));
        const QStringList found = problems(f.readAll());
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s) in %2:\n  %3")
                                .arg(found.size())
                                .arg(file, found.join(QStringLiteral("\n  ")))));
    }

    // One embedded catalogue per .ts file, and English.
    void everyTsFileIsEmbedded()
    {
        QStringList expected{QStringLiteral("en")};
        for (const QString &file : tsFiles())
            expected << file.mid(int(qstrlen("gateway-console_"))).chopped(3);
        QStringList available = Translations::available();
        available.sort();
        expected.sort();
        QCOMPARE(available, expected);
    }

    void languageApplies_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("contactsTab");
        QTest::addColumn<QString>("count"); // ContactsPane's "%1 of %2" with the locale's numbers
        QTest::addColumn<QString>("ago");
        QTest::newRow("en") << "en"
                            << "&Contacts"
                            << "12,345 of 1,000,000"
                            << "3 min ago";
        QTest::newRow("id") << "id"
                            << "&Kontak"
                            << "12.345 dari 1.000.000"
                            << "3 mnt lalu";
        QTest::newRow("pt_BR") << "pt_BR"
                               << "&Contatos"
                               << "12.345 de 1.000.000"
                               << "há 3 min";
        QTest::newRow("pt-br spelling") << "pt-br"
                                        << "&Contatos"
                                        << "12.345 de 1.000.000"
                                        << "há 3 min";
        QTest::newRow("ID spelling") << "ID"
                                     << "&Kontak"
                                     << "12.345 dari 1.000.000"
                                     << "3 mnt lalu";
    }

    void languageApplies()
    {
        QFETCH(QString, lang);
        QFETCH(QString, contactsTab);
        QFETCH(QString, count);
        QFETCH(QString, ago);
        QString error;
        QVERIFY2(Translations::install(lang, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        QCOMPARE(QCoreApplication::translate("MainWindow", "&Contacts"), contactsTab);
        QCOMPARE(QCoreApplication::translate("ContactsPane", "%1 of %2")
                     .arg(DisplayText::number(12345), DisplayText::number(1000000)),
                 count);
        QCOMPARE(DisplayText::ago(1, 1 + 3 * 60 * 1000), ago);
    }

    void unknownLanguageChangesNothing()
    {
        QVERIFY(Translations::install(QStringLiteral("id")));
        QString error;
        QVERIFY(!Translations::install(QStringLiteral("xx"), &error));
        QVERIFY2(error.contains(QLatin1String("\"xx\"")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("pt_BR")), qPrintable(error));
        QCOMPARE(Translations::current(), QStringLiteral("id"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&Contacts"), QStringLiteral("&Kontak"));
        QCOMPARE(QLocale().toString(12345), QStringLiteral("12.345"));
    }

    void takeLanguageArgument_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("rest");
        const QString app = QStringLiteral("gateway-console");
        QTest::newRow("absent") << QStringList{app, "--profile", "p"} << ""
                                << QStringList{app, "--profile", "p"};
        QTest::newRow("separate") << QStringList{app, "--lang", "id", "--profile", "p"} << "id"
                                  << QStringList{app, "--profile", "p"};
        QTest::newRow("joined") << QStringList{app, "sync", "--lang=pt_BR"} << "pt_BR"
                                << QStringList{app, "sync"};
        QTest::newRow("no value") << QStringList{app, "--lang"} << "--lang" << QStringList{app};
        QTest::newRow("option next")
            << QStringList{app, "--lang", "--help"} << "--lang" << QStringList{app, "--help"};
        QTest::newRow("empty joined")
            << QStringList{app, "--lang="} << "--lang" << QStringList{app};
    }

    void takeLanguageArgument()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, lang);
        QFETCH(QStringList, rest);
        QCOMPARE(Translations::takeLanguageArgument(args), lang);
        QCOMPARE(args, rest);
    }

    // The binary itself: --lang reaches the window's help and the terminal commands, and an
    // unknown language stops it before it does anything else.
    void binaryHonoursLang_data()
    {
        QTest::addColumn<QString>("locale"); // the system's (LC_ALL)
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("output");
        QTest::newRow("system id") << "id_ID.UTF-8" << QStringList{"--help"} << 0
                                   << "Konsol admin untuk gateway WhatsApp multi-tenant.";
        QTest::newRow("system pt_BR") << "pt_BR.UTF-8" << QStringList{"sync", "--help"} << 0
                                      << "Sincroniza as sessões de um perfil no cache local.";
        QTest::newRow("system de: English") << "de_DE.UTF-8" << QStringList{"--help"} << 0
                                            << "Admin console for a multi-tenant WhatsApp gateway.";
        QTest::newRow("lang over system")
            << "id_ID.UTF-8" << QStringList{"--lang", "pt_BR", "--help"} << 0
            << "Console de administração para um gateway de WhatsApp multilocatário.";
        QTest::newRow("help id") << "C.UTF-8" << QStringList{"--lang", "id", "--help"} << 0
                                 << "Konsol admin untuk gateway WhatsApp multi-tenant.";
        QTest::newRow("help pt_BR")
            << "C.UTF-8" << QStringList{"--lang=pt_BR", "--help"} << 0
            << "Console de administração para um gateway de WhatsApp multilocatário.";
        QTest::newRow("sync help id") << "C.UTF-8" << QStringList{"sync", "--lang", "id", "--help"}
                                      << 0 << "Sinkronkan sesi profil ke cache lokal.";
        QTest::newRow("headless help pt_BR")
            << "C.UTF-8" << QStringList{"--headless", "--lang", "pt_BR", "--help"} << 0
            << "Executa sem janela.";
        QTest::newRow("help en") << "C.UTF-8" << QStringList{"--lang", "en", "--help"} << 0
                                 << "Admin console for a multi-tenant WhatsApp gateway.";
        QTest::newRow("unknown") << "C.UTF-8" << QStringList{"--lang", "xx", "--version"} << 2
                                 << "Unknown language \"xx\"; choose one of: en, id, pt_BR.";
        QTest::newRow("unknown sync")
            << "C.UTF-8" << QStringList{"sync", "--lang=xx", "--profile", "p"} << 2
            << "Unknown language \"xx\"";
    }

    void binaryHonoursLang()
    {
        QFETCH(QString, locale);
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, output);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LANGUAGE"));
        env.insert(QStringLiteral("LC_ALL"), locale);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GC_CONSOLE_BINARY), args);
        QVERIFY(p.waitForFinished(30000));
        const QString all = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == exitCode,
                 qPrintable(QStringLiteral("exit %1:\n%2").arg(p.exitCode()).arg(all)));
        QVERIFY2(all.contains(output), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
