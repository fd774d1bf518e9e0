// bench_gui: the window over a 1,000,000-contact cache, offscreen. Prints
//   gui.startup_ms            window construction to the first contact rows painted
//   gui.keystroke_p95_ms      a keystroke's filter applied (debounce excluded) to rows repainted;
//                             keys at typing speed (the next after the count landed, ≤ 250 ms)
//   gui.keystroke_proxy_p95_ms the same keystrokes through a QSortFilterProxyModel over an
//                             in-memory model of the same rows (the reference)
//   gui.scroll_max_frame_ms   worst frame scrolling top to bottom a page at a time
//   gui.peak_rss_mb           peak RSS of the window phase (before the in-memory reference)
// The cache is built once by a child process (so its memory is not counted) and kept in
// BENCH_DATA_DIR/gui-1m.sqlite between runs. Start-up is measured as the file is found; the
// keystrokes with the file in the OS page cache (read once, untimed), as on a machine where
// the console has been open a while.
#include "DemoCache.h"

#include "ContactsModel.h"
#include "ContactsPane.h"
#include "MainWindow.h"
#include "ProfileCache.h"
#include "cache/CacheReader.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kContacts = 1000000;

void bench(const char *metric, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", metric, value, unit);
    std::fflush(stdout);
}

double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

double p95(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin<qsizetype>(v.size() - 1, qsizetype(v.size() * 0.95)));
}

// Reads a file through once so the OS keeps it in its page cache; returns the milliseconds.
double readThrough(const QString &path)
{
    QElapsedTimer t;
    t.start();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        while (file.read(chunk.data(), chunk.size()) > 0) {}
    }
    return t.nsecsElapsed() / 1e6;
}

// What support staff type: names, a phone fragment, a LID prefix, a tag.
QStringList keystrokes()
{
    QStringList out;
    for (const QString &word :
         {QStringLiteral("budi san"), QStringLiteral("dewi"), QStringLiteral("0812 1050"),
          QStringLiteral("2052270004"), QStringLiteral("kusuma store")}) {
        for (int i = 1; i <= word.size(); ++i)
            out << word.left(i);
        out << QString(); // cleared between words
    }
    return out;
}

// The reference: every row in memory, filtered by QSortFilterProxyModel.
class MemoryModel : public QAbstractTableModel
{
public:
    struct Row {
        QString name, phone, lid, business;
    };
    QList<Row> rows;
    int rowCount(const QModelIndex &p = {}) const override
    {
        return p.isValid() ? 0 : int(rows.size());
    }
    int columnCount(const QModelIndex &p = {}) const override { return p.isValid() ? 0 : 4; }
    QVariant data(const QModelIndex &i, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        const Row &r = rows.at(i.row());
        switch (i.column()) {
        case 0:
            return r.name;
        case 1:
            return r.phone;
        case 2:
            return r.lid;
        default:
            return r.business;
        }
    }
};

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], "--build") == 0) {
        QCoreApplication app(argc, argv);
        DemoCache::Spec spec;
        spec.contacts = kContacts;
        spec.groups = 200;
        spec.membersPerGroup = 256;
        const QString error = DemoCache::build(QString::fromLocal8Bit(argv[2]), spec);
        if (!error.isEmpty())
            std::fprintf(stderr, "build failed: %s\n", qPrintable(error));
        return error.isEmpty() ? 0 : 1;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("gc-bench-gui"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       QStringLiteral(BENCH_DATA_DIR "/gui-settings"));

    QDir().mkpath(QStringLiteral(BENCH_DATA_DIR));
    const QString path = QStringLiteral(BENCH_DATA_DIR "/gui-1m.sqlite");
    const QString ready = path + QStringLiteral(".ready");
    if (!QFile::exists(ready)) {
        QFile::remove(path);
        QElapsedTimer t;
        t.start();
        if (QProcess::execute(QCoreApplication::applicationFilePath(),
                              {QStringLiteral("--build"), path})
            != 0)
            return 1;
        QFile(ready).open(QIODevice::WriteOnly);
        std::fprintf(stderr, "built the 1,000,000-contact cache in %.1f s\n", t.elapsed() / 1000.0);
    }

    // Startup: construct, open, show, until the contacts viewport painted rows.
    QElapsedTimer t;
    t.start();
    QString error;
    std::unique_ptr<ProfileCache> cache = ProfileCache::open(QStringLiteral("bench"), path, &error);
    if (!cache) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(error));
        return 1;
    }
    MainWindow window;
    window.attach(cache->models(), nullptr);
    window.resize(1440, 860);
    window.show();
    QTableView *view = window.contactsPane()->view();
    view->repaint(); // the first frame with rows (offscreen paints on demand)
    const double startup = t.nsecsElapsed() / 1e6;
    bench("gui.startup_ms", startup, "ms");
    // The count arrives later from the counter's thread; until then the model knows its first page.
    std::fprintf(stderr, "rows known at the first paint: %d\n",
                 window.contactsPane()->model()->rowCount());

    // This VM hands unused page cache back within minutes: cold, a keystroke measures its
    // virtual disk ('0812' once took 3.2 s), not the console.
    std::fprintf(stderr, "cache file read into the page cache in %.0f ms (untimed)\n",
                 readThrough(path));

    // Keystrokes: the debounced filter applied at once (Return), then the rows repainted.
    QLineEdit *search = window.contactsPane()->searchBox();
    QList<double> times;
    for (const QString &text : keystrokes()) {
        QElapsedTimer k;
        k.start();
        search->setText(text);
        Q_EMIT search->returnPressed();
        view->repaint();
        times << k.nsecsElapsed() / 1e6;
        if (times.last() > 30)
            std::fprintf(stderr, "  slow keystroke: '%s' %.1f ms (%d rows)\n", qPrintable(text),
                         times.last(), window.contactsPane()->model()->rowCount());
        // Keys come at typing speed, not back to back: the next one once this one's background
        // count has landed (at most 250 ms, a fast typist's gap). Not timed.
        ContactsModel *model = window.contactsPane()->model();
        if (!model->countExact()) {
            QEventLoop settle;
            QTimer::singleShot(250, &settle, &QEventLoop::quit);
            QObject::connect(model, &ContactsModel::countChanged, &settle, &QEventLoop::quit);
            settle.exec();
        }
    }
    bench("gui.keystroke_p95_ms", p95(times), "ms");
    if (qEnvironmentVariableIsSet("BENCH_GUI_KEYSTROKES_ONLY"))
        return 0;
    search->setText(QString());
    Q_EMIT search->returnPressed();
    // The whole list again once its count has landed (not timed): scrolling before it would
    // scroll only the rows known so far.
    ContactsModel *contacts = window.contactsPane()->model();
    QElapsedTimer counting;
    counting.start();
    while (contacts->rowCount() < kContacts && counting.elapsed() < 30000) {
        QEventLoop settle;
        QTimer::singleShot(100, &settle, &QEventLoop::quit);
        QObject::connect(contacts, &ContactsModel::countChanged, &settle, &QEventLoop::quit);
        settle.exec();
    }

    // Scroll top to bottom a page at a time, one painted frame per page.
    QScrollBar *bar = view->verticalScrollBar();
    double worst = 0;
    int frames = 0;
    int over16 = 0;
    int worstFrame = 0;
    for (int v = 0; v <= bar->maximum(); v += qMax(1, bar->pageStep())) {
        QElapsedTimer f;
        f.start();
        bar->setValue(v);
        view->repaint();
        const double ms = f.nsecsElapsed() / 1e6;
        if (ms > worst) {
            worst = ms;
            worstFrame = frames;
        }
        over16 += ms > 16;
        ++frames;
    }
    bench("gui.scroll_max_frame_ms", worst, "ms");
    // One slow frame among thousands is the machine (this VM); many would be the console.
    std::fprintf(stderr, "scrolled %d frames, %d over 16 ms, the worst was frame %d\n", frames,
                 over16, worstFrame);
    bench("gui.peak_rss_mb", peakRssMb(), "MB");

    // Reference: the same rows in memory behind a QSortFilterProxyModel.
    MemoryModel memory;
    memory.rows.reserve(kContacts);
    {
        CacheReader &reader = cache->reader();
        ContactFilter f;
        f.sessionId = QStringLiteral("demo");
        QString cursor;
        do {
            const auto page = reader.contacts(f, cursor, 500);
            if (!page)
                return 1;
            for (const CachedContact &c : page->rows)
                memory.rows.append({c.contact.name.value_or(QString()),
                                    c.contact.phoneNumber.value_or(QString()), c.contact.lid,
                                    c.contact.businessName.value_or(QString())});
            cursor = page->rows.isEmpty() ? QString() : page->nextCursor;
        } while (!cursor.isEmpty());
    }
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&memory);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterKeyColumn(-1);
    QTableView reference;
    reference.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    reference.setModel(&proxy);
    reference.resize(1000, 800);
    reference.show();
    times.clear();
    for (const QString &text : keystrokes()) {
        QElapsedTimer k;
        k.start();
        proxy.setFilterFixedString(text);
        reference.repaint();
        times << k.nsecsElapsed() / 1e6;
    }
    bench("gui.keystroke_proxy_p95_ms", p95(times), "ms");
    return 0;
}
