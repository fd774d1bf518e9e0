<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log was not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CacheLocation</name>
    <message>
        <source>Could not delete the cache in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cache already exists in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the cache from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CapabilityProbe</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token rejected: the gateway answered 401. Sign in again with a new token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not ask the gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token expired on %1; the gateway will most likely reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token expires soon (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no gateway client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed 1 session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed %1 sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered 403 to listing sessions; add session ids by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing sessions answered 404: check the gateway URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization has no session to read from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session to try: add a session id by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read contacts and groups of session %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered 403 to reading session %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 was not found for this token (an unknown id, or another organization&apos;s session).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading session %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known until a live action (block, unblock) is tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known: the console does not use events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By the token&apos;s org role &quot;%1&quot; (read from its claims; only the gateway can verify them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s answer on %1 differs from the token&apos;s org role &quot;%2&quot;; the gateway&apos;s answer is what counts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>Block contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 on session %2?

They will no longer be able to message this WhatsApp number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: no gateway to send this to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (request %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: the session is not connected to WhatsApp, so it cannot %1 anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unblock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: this token may not send (it lacks the &quot;send&quot; capability).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: the gateway does not know this session or contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: the gateway is unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request may have reached it; check before retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDetailPane</name>
    <message>
        <source>No contact selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone JID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock this contact on the selected session (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen in groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups this contact was seen in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has DM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DM (seen in groups only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live from the gateway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactGroupsModel</name>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsPane</name>
    <message>
        <source>Search name, phone, LID, business name or tag (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The OS keychain is not available: no Secret Service was reachable on D-Bus%1. The token can be kept in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain is locked or access to it was cancelled%1. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is stored for profile &quot;%1&quot; (or the keychain is locked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain failed%1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatewayClient</name>
    <message>
        <source>No gateway address is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is set for this gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source filter must be dm or group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page cursor is too long.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayError</name>
    <message>
        <source>The gateway rejected the token; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token is not allowed to do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found (or it belongs to another organization).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is not connected to WhatsApp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway is rate limiting requests; try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway is unavailable; try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway cannot be reached: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway sent an answer that could not be read: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s answer was larger than allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the gateway failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway redirected to another address; the request was stopped so the token is not sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may or may not have taken effect; repeating it is safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayPaths</name>
    <message>
        <source>The session id is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session id is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a LID (expected digits@lid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a contact address (expected digits@lid or digits@s.whatsapp.net).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a group address (expected digits@g.us).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search text contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupMembersModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announce / locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupsPane</name>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <source>Sync the profile&apos;s sessions and serve the local API, without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved profile to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port of the local API on 127.0.0.1 (0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalApiDialog</name>
    <message>
        <source>Local API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local apps send the token as &quot;Authorization: Bearer TOKEN&quot;. It is not the gateway&apos;s token: that one never leaves the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running: sign in to a profile first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate the local API token?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every local app using the current token will be refused until it is given the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalApiService</name>
    <message>
        <source>the local API is already running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;LID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy phone &amp;JID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export view to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local API…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache of %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last complete sync %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced completely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync not started: sign in and pick a session, or wait for the running sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileCommand</name>
    <message>
        <source>A token is never taken from the command line (it would stay in the shell history and show in the process list). Pass it on standard input, e.g. `gateway-console profile add NAME --url URL &lt; token.txt`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api-key (wa_...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no alg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>org role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  gateway-console profile add NAME --url URL [--session ID]...  (token on standard input)
  gateway-console profile list
  gateway-console profile remove NAME [--purge-cache]
  gateway-console profile check NAME
Exit codes: 0 ok, 1 failure, 2 usage.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--session needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option %1 for &quot;profile %2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;profile %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many arguments for &quot;profile %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;profile %1&quot; needs a profile name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;profile add&quot; needs --url URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard input cannot be read; pass the token on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the token and press Enter (it is not shown): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists; remove it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWT expired on %1; get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1 is plain http to another machine; the token will travel unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; added: %2 at %3; the token is kept in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles. Add one with: gateway-console profile add NAME --url URL &lt; token.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  unencrypted http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  sessions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  last used %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was kept; nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; removed, and its token deleted from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no local cache to purge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache could not be purged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its local cache was purged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored token is unusable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>No session id was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session id is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session id contains a space, a slash or a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name must not start or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name must not start with &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name must not contain &apos;/&apos; or &apos;\&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name must not contain control or invisible characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gateway URL was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL must start with https:// (or http://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL must not contain a user name or password; the token goes in its own field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile needs a token kind (JWT or api-key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesMenu</name>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;session id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For tokens that cannot list sessions: use a session by its id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; cannot be read from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console never keeps a token in a file. You can keep it in memory for this run only and paste it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the token for this run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of profile &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its token is forgotten; the profile stays in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its token is deleted from the OS keychain; the profile stays in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete this profile&apos;s &amp;cached data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete this profile&apos;s cached data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add session id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session id for profile &quot;%1&quot; (remembered for this profile):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting: not connected yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a QR code scan: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out of WhatsApp: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status unknown (added by id; this token cannot list sessions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsPane</name>
    <message>
        <source>&amp;Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch this session&apos;s contacts, groups and members (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <source>Sign in to a gateway: no profile is chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;. Sign in to create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is stored for profile &quot;%1&quot; (or the keychain is locked). Sign in with a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token stored for profile &quot;%1&quot; is unusable. Sign in with a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; has expired. Sign in with a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway rejected the token of profile &quot;%1&quot; (401): it expired or was revoked. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is not used in this run: type the token of profile &quot;%1&quot; again. It is kept in memory until the console quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; expired on %2. Sign in with a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWT expired on %1; get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was saved; another sign-in was started meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are still signed in; nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no local cache to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out, but the cached data of profile &quot;%1&quot; could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cached data of profile &quot;%1&quot; was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to a profile first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to a gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why sign-in is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://gateway.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A login JWT or an api-key, pasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT or api-key (wa_...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session ids:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For tokens that cannot list sessions: session ids separated by spaces or commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only needed when the token cannot list sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the gateway what the token can do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the token can do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check asks the gateway what this token can do (it only reads, never changes anything).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the token for this run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the token in memory for this run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is not used in this run: the token is kept in memory until the console quits, and never written to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this is plain http to %1, which is not this machine: the token would travel unencrypted. Use https unless the network is trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; exists: signing in replaces its token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL or token changed meanwhile: check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can keep the token in memory for this run only: it is never written to a file, and you will paste it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInStatus</name>
    <message>
        <source>Signed-in profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (token in memory only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: the keychain is unavailable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInText</name>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a usable token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An api-key (wa_...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An api-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it may do was saved on it at the gateway: use Check to find out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A login JWT (%1). Its claims are read here, not verified: only the gateway can verify them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in the claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (platform role %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires: never (no &quot;exp&quot; claim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this token has expired (%1). The gateway will reject it; get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this token expires within a day (%1, %2). You will have to sign in again then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway rejected this token (401): it is wrong, expired or revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway could not be asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token can do nothing that was tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token can: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known yet: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot list sessions: type the session ids to use in &quot;Session ids&quot;; they are remembered for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: the gateway is unreachable; showing the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1 contacts, %2 groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>error: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the cache %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot list sessions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session to sync: this token cannot list sessions; name one with --session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a sync of this session is already running; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync a profile&apos;s sessions into the local cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved profile to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync only this session (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also fetch every contact&apos;s detail (one request each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in flight at once (default 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request budget per minute (default: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-in-flight takes 1..16 and --requests-per-minute a number &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>A deep sync needs the cache&apos;s reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not start a sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching contacts failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing contacts failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the contacts pass failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching groups failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing groups failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching group members failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing group members failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the members pass failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading contacts back failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing a contact&apos;s detail failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching a contact&apos;s detail failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1 contacts, %2 groups and %3 memberships.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contact details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncJob</name>
    <message>
        <source>The cache cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is already being synced (by another window or a terminal).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenInspector</name>
    <message>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not base64url text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its base64url length is impossible (cut short?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not valid base64url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its JSON nests too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token contains a space; paste only the token itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token contains a line break; paste only the token itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token contains a non-ASCII character; tokens are plain ASCII.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token&apos;s expiry (exp) is out of range, so it is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token&apos;s expiry (exp) is not a number, so it is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token has no expiry (exp).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWT header names no signing algorithm; the gateway will reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWT is unsigned (alg &quot;none&quot;); the gateway will reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWT is signed with %1; the gateway normally expects EdDSA, ES256 or RS256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWT names no active organization (activeOrganizationId).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is too large (%1 characters; at most %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the &quot;Bearer&quot; prefix; only the token is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWT has no signature; the gateway will reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has three parts like a JWT, but its claims cannot be read: %1. Treated as an api-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has three parts like a JWT, but its header cannot be read: %1. Treated as an api-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It starts like a JWT but does not have three dot-separated parts; it may have been copied only in part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It does not start with &quot;wa_&quot; as the gateway&apos;s api-keys do.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Admin console for a multi-tenant WhatsApp gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the saved profile NAME (default: the one used last).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language: %1 (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
