// Fuzz target: the local API's request path, raw bytes in, as one connection would see
// them: HttpRequestParser (pipelined requests, in order) -> LocalApiDispatcher (admit():
// Host and browser checks of LocalApiGuard; handle(): token with a fixed token, path checks,
// routing) -> the real routes over a small real SQLite cache (LocalApiBackend, CacheReader)
// -> HttpResponseWriter. No sockets and no event loop: the dispatcher is the handler
// HttpConnection calls, and async routes (block/unblock, sync) answer through a responder that goes
// nowhere here (no gateway client, no sync trigger: they could not act anyway).
//
// Oracles: no crash, UB or leak; feeding the same bytes one at a time parses exactly like
// feeding them at once; every answer is a well-formed HTTP/1.1 response (status line,
// clean headers, the headers every answer carries, no CORS, Content-Length equal to the
// body, an error envelope on 4xx/5xx); a healthy cache never yields a 500; the local token
// never appears in an answer unless the request itself carried it outside its headers.
#include "FuzzCache.h"
#include "FuzzCheck.h"

#include "http/HttpRequestParser.h"
#include "http/HttpResponseWriter.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiDispatcher.h"
#include "localapi/LocalApiRouter.h"
#include "localapi/LocalApiRoutes.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

namespace {

// Seeds carry the same values (tests/fuzz/make_seeds.py).
const QByteArray kToken = "gcl_fuzzFUZZfuzzFUZZfuzzFUZZfuzzFUZZfuzz0123";
constexpr quint16 kPort = 8765;
const QByteArray kRequestId = "0123456789abcdef0123456789abcdef";
constexpr int kMaxRequests = 16; // a connection's pipelining limit

struct Server {
    std::shared_ptr<LocalApiBackend> backend;
    std::unique_ptr<LocalApiDispatcher> dispatcher;
};
Server *g_server = nullptr; // for the whole process; closed at exit before Qt SQL's statics go

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// Checks one serialized answer; returns its status.
int checkWellFormed(const QByteArray &bytes, bool headOnly, bool keepAlive)
{
    FUZZ_CHECK(bytes.startsWith("HTTP/1.1 "));
    const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
    FUZZ_CHECK(headEnd > 0);
    QList<QByteArray> lines = bytes.left(headEnd + 2).split('\n'); // each line with its \r
    lines.removeLast();
    const QByteArray statusLine = lines.first().chopped(1);
    FUZZ_CHECK(statusLine.size() >= 13 && statusLine.at(12) == ' '); // the reason may be empty
    bool statusOk = false;
    const int status = statusLine.mid(9, 3).toInt(&statusOk);
    FUZZ_CHECK(statusOk && status >= 100 && status <= 999);

    QByteArray contentLength, contentType;
    int requestIds = 0, dates = 0, nosniff = 0, noStore = 0, closes = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        FUZZ_CHECK(lines[i].endsWith('\r'));
        const QByteArray line = lines[i].chopped(1);
        const qsizetype colon = line.indexOf(": ");
        FUZZ_CHECK(colon > 0);
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 2);
        for (const char c : name)
            FUZZ_CHECK(isTokenChar(c));
        for (const char c : value)
            FUZZ_CHECK((uchar(c) >= 0x20 || c == '\t') && uchar(c) != 0x7f);
        FUZZ_CHECK(!name.startsWith("access-control-"));
        if (name == "content-length") {
            FUZZ_CHECK(contentLength.isNull());
            contentLength = value;
        } else if (name == "content-type") {
            contentType = value;
        } else if (name == "x-request-id") {
            ++requestIds;
        } else if (name == "date") {
            ++dates;
        } else if (name == "x-content-type-options") {
            nosniff += value == "nosniff";
        } else if (name == "cache-control") {
            noStore += value == "no-store";
        } else if (name == "connection") {
            closes += value == "close";
        }
        FUZZ_CHECK(name != "transfer-encoding");
    }
    FUZZ_CHECK(requestIds == 1 && dates == 1 && nosniff == 1 && noStore == 1);
    FUZZ_CHECK(closes == (keepAlive ? 0 : 1));

    const QByteArray body = bytes.mid(headEnd + 4);
    const bool bodyAllowed = status != 204 && status != 304 && status >= 200;
    FUZZ_CHECK(contentLength.isNull() == !bodyAllowed);
    if (!bodyAllowed || headOnly) {
        FUZZ_CHECK(body.isEmpty());
        return status;
    }
    bool lengthOk = false;
    FUZZ_CHECK(contentLength.toLongLong(&lengthOk) == body.size() && lengthOk);
    if (!body.isEmpty()) {
        FUZZ_CHECK(contentType == "application/json");
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        FUZZ_CHECK(parseError.error == QJsonParseError::NoError);
        if (status >= 400) {
            const QJsonObject error = doc.object().value(QLatin1String("error")).toObject();
            FUZZ_CHECK(!error.value(QLatin1String("code")).toString().isEmpty());
            FUZZ_CHECK(error.value(QLatin1String("message")).isString());
        }
    }
    return status;
}

bool carries(const QList<QPair<QString, QString>> &items, const QString &token)
{
    for (const auto &item : items) {
        if (item.first.contains(token) || item.second.contains(token))
            return true;
    }
    return false;
}

// The request's own data (not its headers) holds the token, so an answer may echo it.
bool echoesToken(const HttpRequest &r)
{
    const QString token = QString::fromLatin1(kToken);
    return r.path.contains(kToken) || r.query.contains(kToken) || r.body.contains(kToken)
        || carries(r.pathParams, token) || carries(r.queryItems, token);
}

struct Parsed {
    HttpRequestParser::Result result = HttpRequestParser::Result::NeedMore;
    qsizetype consumed = 0;
    int errorStatus = 0;
    QString errorMessage;
    HttpRequest request;
};

// One request from the start of input, fed at once or a byte more at a time (as a slow
// client would send it); the connection only ever offers the unconsumed input.
Parsed parseOne(QByteArrayView input, bool byteByByte)
{
    HttpRequestParser parser{HttpLimits()};
    Parsed out;
    qsizetype offered = byteByByte ? qMin<qsizetype>(1, input.size()) : input.size();
    while (true) {
        out.result = parser.feed(input.first(offered), &out.consumed);
        if (out.result != HttpRequestParser::Result::NeedMore || offered == input.size())
            break;
        ++offered;
    }
    if (out.result == HttpRequestParser::Result::Complete)
        out.request = parser.takeRequest();
    else if (out.result == HttpRequestParser::Result::Error)
        out.errorStatus = parser.errorStatus();
    if (out.result == HttpRequestParser::Result::Error)
        out.errorMessage = parser.errorMessage();
    return out;
}

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.path == b.path && a.query == b.query
        && a.httpMinor == b.httpMinor && a.keepAlive == b.keepAlive && a.headers == b.headers
        && a.body == b.body;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceLogs();
    LocalApiBackend::Options options;
    options.databasePath = FuzzCache::path();
    options.profile = QStringLiteral("fuzz");
    g_server = new Server;
    g_server->backend = std::make_shared<LocalApiBackend>(options);
    g_server->backend->openOnThread();
    if (!g_server->backend->reader()) {
        std::fprintf(stderr, "cannot open the fuzz cache: %s\n",
                     qPrintable(g_server->backend->openError()));
        std::abort();
    }
    g_server->dispatcher = std::make_unique<LocalApiDispatcher>(
        makeLocalApiRouter(g_server->backend), LocalApiGuard(kToken, kPort));
    std::atexit([] {
        g_server->dispatcher.reset();
        g_server->backend->closeOnThread();
        delete g_server;
        g_server = nullptr;
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Each input is its own connection: no answer may depend on an earlier input.
    g_server->backend->storedAnswers().clear();

    QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    // Byte-at-a-time parsing costs a feed per byte: only for inputs of realistic size.
    const bool compareSlow = size <= 4096;
    for (int n = 0; n < kMaxRequests && !input.isEmpty(); ++n) {
        Parsed parsed = parseOne(input, false);
        if (compareSlow) {
            const Parsed slow = parseOne(input, true);
            FUZZ_CHECK(slow.result == parsed.result && slow.consumed == parsed.consumed
                       && slow.errorStatus == parsed.errorStatus
                       && slow.errorMessage == parsed.errorMessage);
            if (parsed.result == HttpRequestParser::Result::Complete)
                FUZZ_CHECK(sameRequest(slow.request, parsed.request));
        }
        if (parsed.result == HttpRequestParser::Result::NeedMore)
            break; // the connection waits for more (and answers 408 after its timeout)

        HttpResponseWriter::Frame frame;
        frame.requestId = kRequestId;
        if (parsed.result == HttpRequestParser::Result::Error) {
            // HttpConnection::refuse: the parser's status, then close.
            frame.keepAlive = false;
            const HttpResponse r = g_server->dispatcher->errorResponse(parsed.errorStatus,
                                                                       parsed.errorMessage);
            const int status = checkWellFormed(HttpResponseWriter::serialize(r, frame), false,
                                               false);
            FUZZ_CHECK(status >= 400 && status < 600 && status != 500);
            break;
        }

        FUZZ_CHECK(parsed.consumed > 0 && parsed.consumed <= input.size());
        input = input.sliced(parsed.consumed);
        HttpRequest &request = parsed.request;
        request.requestId = kRequestId;
        // As HttpConnection: admit() first, then handle(); a refusal closes the connection.
        std::optional<HttpResponse> response = g_server->dispatcher->admit(request);
        const bool refused = response.has_value();
        if (!refused)
            response = g_server->dispatcher->handle(request, [] { return HttpResponder(); });
        if (!response) {
            FUZZ_CHECK(request.method == "POST"); // only the async (POST) routes answer later
        } else {
            frame.headOnly = request.method == "HEAD";
            frame.keepAlive = request.keepAlive && !refused;
            frame.http10 = request.httpMinor == 0;
            const QByteArray bytes = HttpResponseWriter::serialize(*response, frame);
            const int status = checkWellFormed(bytes, frame.headOnly, frame.keepAlive);
            FUZZ_CHECK(status != 500);
            if (!echoesToken(request))
                FUZZ_CHECK(!bytes.contains(kToken));
        }
        if (!request.keepAlive || refused)
            break; // "Connection: close" or refused: whatever follows is not read
    }
    return 0;
}
