#pragma once

#include "http/HttpLimits.h"
#include "http/HttpRequest.h"

#include <QByteArrayView>
#include <QString>

// Incremental, strict HTTP/1.1 request parser for one connection. Feed it the unconsumed
// input from the start of the next request; it never buffers itself and never reads past
// the limits: a head over maxHeadBytes is refused as soon as that many bytes arrived
// without a blank line, a Content-Length over maxBodyBytes before any body byte is read.
// Chunked uploads are refused (411). Any error means: answer it, then close.
class HttpRequestParser
{
public:
    // RFC 9110 tchar: what a method or a header name may be made of (the writer checks too).
    static bool isTokenChar(char c);
    enum class Result {
        NeedMore,
        Complete,
        Error
    };

    explicit HttpRequestParser(const HttpLimits &limits);

    // input starts at the first byte of the request being parsed. On Complete, *consumed is
    // the size of that request and takeRequest() gives it; otherwise nothing is consumed.
    Result feed(QByteArrayView input, qsizetype *consumed);
    HttpRequest takeRequest();

    // Head parsed, body still to come, and the client waits for "100 Continue".
    bool wantsContinue() const { return m_headDone && m_expectContinue && !m_continueSent; }
    void markContinueSent() { m_continueSent = true; }
    // Some bytes of a request arrived but not all of it.
    bool inProgress() const { return m_started; }

    int errorStatus() const { return m_errorStatus; }
    const QString &errorMessage() const { return m_errorMessage; }

private:
    Result fail(int status, const char *message);
    Result parseHead(QByteArrayView head);
    Result parseRequestLine(QByteArrayView line);
    Result parseHeaderLine(QByteArrayView line);
    Result checkFraming();
    void reset();

    const HttpLimits m_limits;
    HttpRequest m_request;
    qsizetype m_scanFrom = 0; // where the search for the blank line resumes
    qsizetype m_skip = 0;     // blank lines before the request line
    qsizetype m_headSize = 0;
    qsizetype m_bodySize = 0;
    bool m_started = false;
    bool m_headDone = false;
    bool m_expectContinue = false;
    bool m_continueSent = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};
