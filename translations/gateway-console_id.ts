<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entri audit</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Ekspor…</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Ekspor log audit</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>The audit log was not exported: %1</source>
        <translation>Log audit tidak diekspor: %1</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>no audit log is open</source>
        <translation>tidak ada log audit yang terbuka</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>ID permintaan</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Asal</translation>
    </message>
</context>
<context>
    <name>CacheLocation</name>
    <message>
        <source>Could not delete the cache in %1.</source>
        <translation>Cache di %1 tidak dapat dihapus.</translation>
    </message>
    <message>
        <source>A cache already exists in %1.</source>
        <translation>Sudah ada cache di %1.</translation>
    </message>
    <message>
        <source>Could not move the cache from %1 to %2.</source>
        <translation>Cache tidak dapat dipindahkan dari %1 ke %2.</translation>
    </message>
</context>
<context>
    <name>CapabilityProbe</name>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Token rejected: the gateway answered 401. Sign in again with a new token.</source>
        <translation>Token ditolak: gateway menjawab 401. Masuk lagi dengan token baru.</translation>
    </message>
    <message>
        <source>Could not ask the gateway: %1</source>
        <translation>Gateway tidak dapat ditanya: %1</translation>
    </message>
    <message>
        <source>Not tried.</source>
        <translation>Belum dicoba.</translation>
    </message>
    <message>
        <source>The token expired on %1; the gateway will most likely reject it.</source>
        <translation>Token kedaluwarsa pada %1; kemungkinan besar gateway akan menolaknya.</translation>
    </message>
    <message>
        <source>The token expires soon (%1).</source>
        <translation>Token segera kedaluwarsa (%1).</translation>
    </message>
    <message>
        <source>no gateway client</source>
        <translation>tidak ada klien gateway</translation>
    </message>
    <message>
        <source>Listed 1 session.</source>
        <translation>1 sesi terdaftar.</translation>
    </message>
    <message>
        <source>Listed %1 sessions.</source>
        <translation>%1 sesi terdaftar.</translation>
    </message>
    <message>
        <source>The gateway answered 403 to listing sessions; add session ids by hand.</source>
        <translation>Gateway menjawab 403 untuk daftar sesi; tambahkan ID sesi secara manual.</translation>
    </message>
    <message>
        <source>Listing sessions answered 404: check the gateway URL.</source>
        <translation>Daftar sesi menjawab 404: periksa URL gateway.</translation>
    </message>
    <message>
        <source>The organization has no session to read from.</source>
        <translation>Organisasi tidak punya sesi untuk dibaca.</translation>
    </message>
    <message>
        <source>No session to try: add a session id by hand.</source>
        <translation>Tidak ada sesi untuk dicoba: tambahkan ID sesi secara manual.</translation>
    </message>
    <message>
        <source>Read contacts and groups of session %1.</source>
        <translation>Kontak dan grup sesi %1 terbaca.</translation>
    </message>
    <message>
        <source>The gateway answered 403 to reading session %1.</source>
        <translation>Gateway menjawab 403 saat membaca sesi %1.</translation>
    </message>
    <message>
        <source>Session %1 was not found for this token (an unknown id, or another organization&apos;s session).</source>
        <translation>Sesi %1 tidak ditemukan untuk token ini (ID tidak dikenal, atau sesi milik organisasi lain).</translation>
    </message>
    <message>
        <source>Reading session %1 failed: %2</source>
        <translation>Membaca sesi %1 gagal: %2</translation>
    </message>
    <message>
        <source>Not known until a live action (block, unblock) is tried.</source>
        <translation>Belum diketahui sampai tindakan langsung (blokir, buka blokir) dicoba.</translation>
    </message>
    <message>
        <source>Not known: the console does not use events.</source>
        <translation>Tidak diketahui: konsol tidak memakai event.</translation>
    </message>
    <message>
        <source>By the token&apos;s org role &quot;%1&quot; (read from its claims; only the gateway can verify them).</source>
        <translation>Menurut peran org token &quot;%1&quot; (dibaca dari klaimnya; hanya gateway yang dapat memverifikasinya).</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer on %1 differs from the token&apos;s org role &quot;%2&quot;; the gateway&apos;s answer is what counts.</source>
        <translation>Jawaban gateway pada %1 berbeda dari peran org token &quot;%2&quot;; jawaban gateway yang berlaku.</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Sign in with the saved profile NAME (default: the one used last).</source>
        <translation>Masuk dengan profil tersimpan NAME (bawaan: yang terakhir dipakai).</translation>
    </message>
    <message>
        <source>Port of the local API on 127.0.0.1 (0: any free port; default: the setting, else %1).</source>
        <translation>Port API lokal di 127.0.0.1 (0: port bebas mana pun; bawaan: pengaturan, jika tidak %1).</translation>
    </message>
    <message>
        <source>--local-api-port takes 0..65535</source>
        <translation>--local-api-port menerima 0..65535</translation>
    </message>
    <message>
        <source>Sign in to the gateway at URL with the token in $%1, for this run only (nothing is saved).</source>
        <translation>Masuk ke gateway di URL dengan token di $%1, hanya untuk sesi ini (tidak ada yang disimpan).</translation>
    </message>
    <message>
        <source>--demo: %1</source>
        <translation>--demo: %1</translation>
    </message>
    <message>
        <source>--demo needs the token in the environment variable %1</source>
        <translation>--demo memerlukan token di variabel lingkungan %1</translation>
    </message>
</context>
<context>
    <name>ContactActionService</name>
    <message>
        <source> (request %1)</source>
        <translation> (permintaan %1)</translation>
    </message>
    <message>
        <source>Blocked.</source>
        <translation>Diblokir.</translation>
    </message>
    <message>
        <source>Unblocked.</source>
        <translation>Blokir dibuka.</translation>
    </message>
    <message>
        <source>Not done: the session is not connected to WhatsApp, so it cannot %1 anyone.</source>
        <translation>Tidak dilakukan: sesi tidak terhubung ke WhatsApp, jadi tidak dapat %1 siapa pun.</translation>
    </message>
    <message>
        <source>block</source>
        <translation>memblokir</translation>
    </message>
    <message>
        <source>unblock</source>
        <translation>membuka blokir</translation>
    </message>
    <message>
        <source>Not done: this token may not send (it lacks the &quot;send&quot; capability).</source>
        <translation>Tidak dilakukan: token ini tidak boleh mengirim (tidak punya kemampuan &quot;send&quot;).</translation>
    </message>
    <message>
        <source>Not done: the gateway does not know this session or contact.</source>
        <translation>Tidak dilakukan: gateway tidak mengenal sesi atau kontak ini.</translation>
    </message>
    <message>
        <source>Not done: the gateway is unreachable.</source>
        <translation>Tidak dilakukan: gateway tidak dapat dijangkau.</translation>
    </message>
    <message>
        <source>The request may have reached it; check before retrying.</source>
        <translation>Permintaan mungkin sudah sampai; periksa dulu sebelum mencoba lagi.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Tidak dilakukan: %1</translation>
    </message>
    <message>
        <source>%1 Session status: %2.</source>
        <translation>%1 Status sesi: %2.</translation>
    </message>
    <message>
        <source>Not done: the session is still connecting to WhatsApp; try again once it is connected.</source>
        <translation>Tidak dilakukan: sesi masih menyambung ke WhatsApp; coba lagi setelah tersambung.</translation>
    </message>
    <message>
        <source>Not done: the session is waiting to be paired (its QR code has not been scanned); try again once it is connected.</source>
        <translation>Tidak dilakukan: sesi menunggu dipasangkan (kode QR-nya belum dipindai); coba lagi setelah tersambung.</translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>Block contact</source>
        <translation>Blokir kontak</translation>
    </message>
    <message>
        <source>Block %1 on session %2?

They will no longer be able to message this WhatsApp number.</source>
        <translation>Blokir %1 di sesi %2?

Mereka tidak akan bisa lagi mengirim pesan ke nomor WhatsApp ini.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blokir</translation>
    </message>
    <message>
        <source>Sign in first: no gateway to send this to.</source>
        <translation>Masuk dulu: tidak ada gateway tujuan.</translation>
    </message>
    <message>
        <source>Blocking…</source>
        <translation>Memblokir…</translation>
    </message>
    <message>
        <source>Unblocking…</source>
        <translation>Membuka blokir…</translation>
    </message>
</context>
<context>
    <name>ContactDetailPane</name>
    <message>
        <source>No contact selected</source>
        <translation>Tidak ada kontak yang dipilih</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Phone JID</source>
        <translation>JID telepon</translation>
    </message>
    <message>
        <source>LID</source>
        <translation>LID</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Bisnis</translation>
    </message>
    <message>
        <source>Direct chat</source>
        <translation>Chat langsung</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Pertama terlihat</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>Kesegaran</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>B&amp;uka blokir</translation>
    </message>
    <message>
        <source>Unblock this contact on the selected session (Ctrl+U)</source>
        <translation>Buka blokir kontak ini di sesi yang dipilih (Ctrl+U)</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Blokir…</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Hasil tindakan terakhir</translation>
    </message>
    <message>
        <source>Seen in groups</source>
        <translation>Terlihat di grup</translation>
    </message>
    <message>
        <source>Groups this contact was seen in</source>
        <translation>Grup tempat kontak ini terlihat</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>tersembunyi</translation>
    </message>
    <message>
        <source>Has DM</source>
        <translation>Ada DM</translation>
    </message>
    <message>
        <source>No DM (seen in groups only)</source>
        <translation>Tanpa DM (hanya terlihat di grup)</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>disinkronkan %1</translation>
    </message>
    <message>
        <source>not in the cache</source>
        <translation>tidak ada di cache</translation>
    </message>
    <message>
        <source>live from the gateway</source>
        <translation>langsung dari gateway</translation>
    </message>
</context>
<context>
    <name>ContactGroupsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(tanpa subjek)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grup</translation>
    </message>
    <message>
        <source>JID</source>
        <translation>JID</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Terakhir terlihat</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>LID</source>
        <translation>LID</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Nama bisnis</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Ditemukan di</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grup</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Pertama terlihat</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
</context>
<context>
    <name>ContactsPane</name>
    <message>
        <source>Search name, phone, LID, business name or tag (Ctrl+F)</source>
        <translation>Cari nama, telepon, LID, nama bisnis, atau tag (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Cari kontak</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Ditemukan di</translation>
    </message>
    <message>
        <source>Found anywhere</source>
        <translation>Di mana saja</translation>
    </message>
    <message>
        <source>Direct chats</source>
        <translation>Chat langsung</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grup</translation>
    </message>
    <message>
        <source>Contacts shown</source>
        <translation>Kontak yang ditampilkan</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>In group: %1</source>
        <translation>Di grup: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The OS keychain is not available: no Secret Service was reachable on D-Bus%1. The token can be kept in memory for this run only.</source>
        <translation>Keychain OS tidak tersedia: tidak ada Secret Service yang dapat dijangkau di D-Bus%1. Token dapat disimpan di memori untuk kali ini saja.</translation>
    </message>
    <message>
        <source>The OS keychain is locked or access to it was cancelled%1. Unlock it and try again.</source>
        <translation>Keychain OS terkunci atau aksesnya dibatalkan%1. Buka kuncinya lalu coba lagi.</translation>
    </message>
    <message>
        <source>No token is stored for profile &quot;%1&quot; (or the keychain is locked).</source>
        <translation>Tidak ada token tersimpan untuk profil &quot;%1&quot; (atau keychain terkunci).</translation>
    </message>
    <message>
        <source>The OS keychain failed%1.</source>
        <translation>Keychain OS gagal%1.</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Direct chat</source>
        <translation>Chat langsung</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grup</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>baru saja</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n mnt lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n jam lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n hari lalu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreshnessLabel</name>
    <message>
        <source>Live</source>
        <translation>Langsung</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Menyambung ulang…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menyambung…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Belum disinkronkan</translation>
    </message>
    <message>
        <source>Updated just now</source>
        <translation>Diperbarui baru saja</translation>
    </message>
    <message numerus="yes">
        <source>Updated %n min ago</source>
        <translation>
            <numerusform>Diperbarui %n mnt lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %n h ago</source>
        <translation>
            <numerusform>Diperbarui %n jam lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %n days ago</source>
        <translation>
            <numerusform>Diperbarui %n hari lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes on the gateway show here as they happen.</source>
        <translation>Perubahan di gateway tampil di sini saat terjadi.</translation>
    </message>
    <message>
        <source>Last update: %1</source>
        <translation>Pembaruan terakhir: %1</translation>
    </message>
</context>
<context>
    <name>GatewayClient</name>
    <message>
        <source>No gateway address is set.</source>
        <translation>Alamat gateway belum diatur.</translation>
    </message>
    <message>
        <source>No token is set for this gateway.</source>
        <translation>Belum ada token untuk gateway ini.</translation>
    </message>
    <message>
        <source>The source filter must be dm or group.</source>
        <translation>Filter sumber harus dm atau group.</translation>
    </message>
    <message>
        <source>The page cursor is too long.</source>
        <translation>Kursor halaman terlalu panjang.</translation>
    </message>
    <message>
        <source>The realtime scope must be organization or session.</source>
        <translation>Cakupan realtime harus organization atau session.</translation>
    </message>
    <message>
        <source>The event id to resume after is too long.</source>
        <translation>Id peristiwa untuk melanjutkan terlalu panjang.</translation>
    </message>
</context>
<context>
    <name>GatewayError</name>
    <message>
        <source>The gateway rejected the token; sign in again.</source>
        <translation>Gateway menolak token; masuk lagi.</translation>
    </message>
    <message>
        <source>This token is not allowed to do that.</source>
        <translation>Token ini tidak diizinkan melakukan itu.</translation>
    </message>
    <message>
        <source>Not found (or it belongs to another organization).</source>
        <translation>Tidak ditemukan (atau milik organisasi lain).</translation>
    </message>
    <message>
        <source>The session is not connected to WhatsApp.</source>
        <translation>Sesi tidak terhubung ke WhatsApp.</translation>
    </message>
    <message>
        <source>The gateway is rate limiting requests; try again shortly.</source>
        <translation>Gateway sedang membatasi permintaan; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The gateway is unavailable; try again shortly.</source>
        <translation>Gateway tidak tersedia; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The gateway refused the request as invalid.</source>
        <translation>Gateway menolak permintaan karena tidak valid.</translation>
    </message>
    <message>
        <source>The gateway reported an error.</source>
        <translation>Gateway melaporkan kesalahan.</translation>
    </message>
    <message>
        <source>The gateway cannot be reached: </source>
        <translation>Gateway tidak dapat dijangkau: </translation>
    </message>
    <message>
        <source>The gateway did not answer in time.</source>
        <translation>Gateway tidak menjawab tepat waktu.</translation>
    </message>
    <message>
        <source>The gateway sent an answer that could not be read: </source>
        <translation>Gateway mengirim jawaban yang tidak dapat dibaca: </translation>
    </message>
    <message>
        <source>The gateway&apos;s answer was larger than allowed.</source>
        <translation>Jawaban gateway lebih besar dari yang diizinkan.</translation>
    </message>
    <message>
        <source>The secure connection to the gateway failed: </source>
        <translation>Koneksi aman ke gateway gagal: </translation>
    </message>
    <message>
        <source>The gateway redirected to another address; the request was stopped so the token is not sent there.</source>
        <translation>Gateway mengalihkan ke alamat lain; permintaan dihentikan agar token tidak terkirim ke sana.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>It may or may not have taken effect; repeating it is safe.</source>
        <translation>Mungkin sudah berlaku, mungkin belum; aman untuk mengulanginya.</translation>
    </message>
</context>
<context>
    <name>GatewayPaths</name>
    <message>
        <source>The session id is empty.</source>
        <translation>ID sesi kosong.</translation>
    </message>
    <message>
        <source>The session id is not valid.</source>
        <translation>ID sesi tidak valid.</translation>
    </message>
    <message>
        <source>Not a LID (expected digits@lid).</source>
        <translation>Bukan LID (seharusnya digit@lid).</translation>
    </message>
    <message>
        <source>Not a group address (expected digits@g.us).</source>
        <translation>Bukan alamat grup (seharusnya digit@g.us).</translation>
    </message>
    <message>
        <source>The search text is too long.</source>
        <translation>Teks pencarian terlalu panjang.</translation>
    </message>
    <message>
        <source>The search text contains control characters.</source>
        <translation>Teks pencarian mengandung karakter kontrol.</translation>
    </message>
    <message>
        <source>Not a WhatsApp address (expected something like digits@lid).</source>
        <translation>Bukan alamat WhatsApp (seharusnya seperti angka@lid).</translation>
    </message>
</context>
<context>
    <name>GroupMembersModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>LID</source>
        <translation>LID</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(tanpa subjek)</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>Pengumuman</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Terkunci</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <source>JID</source>
        <translation>JID</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <source>Announce / locked</source>
        <translation>Pengumuman / terkunci</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
</context>
<context>
    <name>GroupsPane</name>
    <message>
        <source>Groups</source>
        <translation>Grup</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Group members</source>
        <translation>Anggota grup</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Anggota %1</translation>
    </message>
</context>
<context>
    <name>HeadlessFrontEnd</name>
    <message>
        <source>Sync the profile&apos;s sessions and serve the local API, without a window.</source>
        <translation>Sinkronkan sesi profil dan layani API lokal, tanpa jendela.</translation>
    </message>
    <message>
        <source>Run without a window.</source>
        <translation>Jalankan tanpa jendela.</translation>
    </message>
</context>
<context>
    <name>LiveApplier</name>
    <message>
        <source>The cache is closed.</source>
        <translation>Cache sudah ditutup.</translation>
    </message>
</context>
<context>
    <name>LocalApiDialog</name>
    <message>
        <source>Local API</source>
        <translation>API lokal</translation>
    </message>
    <message>
        <source>Local API address</source>
        <translation>Alamat API lokal</translation>
    </message>
    <message>
        <source>Local API token</source>
        <translation>Token API lokal</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Tampilkan</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation>&amp;Buat ulang…</translation>
    </message>
    <message>
        <source>Local apps send the token as &quot;Authorization: Bearer TOKEN&quot;. It is not the gateway&apos;s token: that one never leaves the console.</source>
        <translation>Aplikasi lokal mengirim token sebagai &quot;Authorization: Bearer TOKEN&quot;. Ini bukan token gateway: token itu tidak pernah keluar dari konsol.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Alamat:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Discovery file:</source>
        <translation>Berkas penemuan:</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Sembunyikan</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>Tidak berjalan: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <source>Not running: sign in to a profile first</source>
        <translation>Tidak berjalan: masuk ke profil dulu</translation>
    </message>
    <message>
        <source>Regenerate the local API token?</source>
        <translation>Buat ulang token API lokal?</translation>
    </message>
    <message>
        <source>Every local app using the current token will be refused until it is given the new one.</source>
        <translation>Setiap aplikasi lokal yang memakai token sekarang akan ditolak sampai diberi token baru.</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Buat ulang</translation>
    </message>
</context>
<context>
    <name>LocalApiService</name>
    <message>
        <source>the local API is already running</source>
        <translation>API lokal sudah berjalan</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Kontak</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Grup</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Kontak</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Open &amp;detail</source>
        <translation>Buka &amp;detail</translation>
    </message>
    <message>
        <source>Copy &amp;LID</source>
        <translation>Salin &amp;LID</translation>
    </message>
    <message>
        <source>Copy &amp;phone</source>
        <translation>Salin &amp;telepon</translation>
    </message>
    <message>
        <source>Copy phone &amp;JID</source>
        <translation>Salin &amp;JID telepon</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>B&amp;uka blokir</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Blokir…</translation>
    </message>
    <message>
        <source>&amp;Export view to CSV…</source>
        <translation>&amp;Ekspor tampilan ke CSV…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Log &amp;audit…</translation>
    </message>
    <message>
        <source>&amp;Local API…</source>
        <translation>API &amp;lokal…</translation>
    </message>
    <message>
        <source>Local API: %1</source>
        <translation>API lokal: %1</translation>
    </message>
    <message>
        <source>Local API off: %1</source>
        <translation>API lokal mati: %1</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>Tidak ada sesi yang dipilih.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Last complete sync %1.</source>
        <translation>Sinkronisasi lengkap terakhir %1.</translation>
    </message>
    <message>
        <source>Never synced completely.</source>
        <translation>Belum pernah sinkron lengkap.</translation>
    </message>
    <message>
        <source>No profile is open.</source>
        <translation>Tidak ada profil yang terbuka.</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Ekspor ke CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Diekspor ke %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Tidak diekspor: %1</translation>
    </message>
    <message>
        <source>Contacts and groups</source>
        <translation>Kontak dan grup</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Salin &amp;diagnostik</translation>
    </message>
    <message>
        <source>&amp;About Gateway Console</source>
        <translation>&amp;Tentang Gateway Console</translation>
    </message>
    <message>
        <source>About Gateway Console</source>
        <translation>Tentang Gateway Console</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gateway Console %1&lt;/b&gt;&lt;p&gt;Admin console for a multi-tenant WhatsApp gateway.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;Gateway Console %1&lt;/b&gt;&lt;p&gt;Konsol admin untuk gateway WhatsApp multi-tenant.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard (no tokens included).</source>
        <translation>Diagnostik disalin ke papan klip (tanpa token).</translation>
    </message>
    <message>
        <source>Local API address</source>
        <translation>Alamat API lokal</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>masuk terlebih dahulu</translation>
    </message>
    <message>
        <source>Sync not started: %1.</source>
        <translation>Sinkronisasi tidak dimulai: %1.</translation>
    </message>
</context>
<context>
    <name>ProfileCommand</name>
    <message>
        <source>A token is never taken from the command line (it would stay in the shell history and show in the process list). Pass it on standard input, e.g. `gateway-console profile add NAME --url URL &lt; token.txt`.</source>
        <translation>Token tidak pernah diambil dari baris perintah (token akan tertinggal di riwayat shell dan terlihat di daftar proses). Berikan lewat input standar, misalnya `gateway-console profile add NAME --url URL &lt; token.txt`.</translation>
    </message>
    <message>
        <source>api-key (wa_...)</source>
        <translation>api-key (wa_...)</translation>
    </message>
    <message>
        <source>api-key</source>
        <translation>api-key</translation>
    </message>
    <message>
        <source>JWT (%1)</source>
        <translation>JWT (%1)</translation>
    </message>
    <message>
        <source>no alg</source>
        <translation>tanpa alg</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>pengguna %1</translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation>organisasi %1</translation>
    </message>
    <message>
        <source>org role %1</source>
        <translation>peran org %1</translation>
    </message>
    <message>
        <source>platform role %1</source>
        <translation>peran platform %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>kedaluwarsa %1</translation>
    </message>
    <message>
        <source>Usage:
  gateway-console profile add NAME --url URL [--session ID]...  (token on standard input)
  gateway-console profile list
  gateway-console profile remove NAME [--purge-cache]
  gateway-console profile check NAME
Exit codes: 0 ok, 1 failure, 2 usage.
</source>
        <translation>Penggunaan:
  gateway-console profile add NAME --url URL [--session ID]...  (token lewat input standar)
  gateway-console profile list
  gateway-console profile remove NAME [--purge-cache]
  gateway-console profile check NAME
Kode keluar: 0 berhasil, 1 gagal, 2 salah penggunaan.
</translation>
    </message>
    <message>
        <source>--url needs a value.</source>
        <translation>--url perlu nilai.</translation>
    </message>
    <message>
        <source>--session needs a value.</source>
        <translation>--session perlu nilai.</translation>
    </message>
    <message>
        <source>Unknown option %1 for &quot;profile %2&quot;.</source>
        <translation>Opsi %1 tidak dikenal untuk &quot;profile %2&quot;.</translation>
    </message>
    <message>
        <source>Unknown command &quot;profile %1&quot;.</source>
        <translation>Perintah &quot;profile %1&quot; tidak dikenal.</translation>
    </message>
    <message>
        <source>Too many arguments for &quot;profile %1&quot;.</source>
        <translation>Terlalu banyak argumen untuk &quot;profile %1&quot;.</translation>
    </message>
    <message>
        <source>&quot;profile %1&quot; needs a profile name.</source>
        <translation>&quot;profile %1&quot; perlu nama profil.</translation>
    </message>
    <message>
        <source>&quot;profile add&quot; needs --url URL.</source>
        <translation>&quot;profile add&quot; perlu --url URL.</translation>
    </message>
    <message>
        <source>Standard input cannot be read; pass the token on it.</source>
        <translation>Input standar tidak dapat dibaca; berikan token lewat input standar.</translation>
    </message>
    <message>
        <source>Paste the token and press Enter (it is not shown): </source>
        <translation>Tempel token lalu tekan Enter (tidak ditampilkan): </translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists; remove it first.</source>
        <translation>Profil bernama &quot;%1&quot; sudah ada; hapus dulu.</translation>
    </message>
    <message>
        <source>The JWT expired on %1; get a new one.</source>
        <translation>JWT kedaluwarsa pada %1; minta yang baru.</translation>
    </message>
    <message>
        <source>note: </source>
        <translation>catatan: </translation>
    </message>
    <message>
        <source>warning: %1 is plain http to another machine; the token will travel unencrypted.</source>
        <translation>peringatan: %1 adalah http biasa ke mesin lain; token akan dikirim tanpa enkripsi.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; added: %2 at %3; the token is kept in the OS keychain.</source>
        <translation>Profil &quot;%1&quot; ditambahkan: %2 di %3; token disimpan di keychain OS.</translation>
    </message>
    <message>
        <source>No profiles. Add one with: gateway-console profile add NAME --url URL &lt; token.txt</source>
        <translation>Belum ada profil. Tambahkan dengan: gateway-console profile add NAME --url URL &lt; token.txt</translation>
    </message>
    <message>
        <source>  unencrypted http</source>
        <translation>  http tanpa enkripsi</translation>
    </message>
    <message>
        <source>  sessions: %1</source>
        <translation>  sesi: %1</translation>
    </message>
    <message>
        <source>  last used %1</source>
        <translation>  terakhir dipakai %1</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Tidak ada profil bernama &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The profile was kept; nothing was removed.</source>
        <translation>Profil tetap disimpan; tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; removed, and its token deleted from the OS keychain.</source>
        <translation>Profil &quot;%1&quot; dihapus, dan tokennya dihapus dari keychain OS.</translation>
    </message>
    <message>
        <source>There is no local cache to purge.</source>
        <translation>Tidak ada cache lokal untuk dibersihkan.</translation>
    </message>
    <message>
        <source>The local cache could not be purged: %1</source>
        <translation>Cache lokal tidak dapat dibersihkan: %1</translation>
    </message>
    <message>
        <source>Its local cache was purged.</source>
        <translation>Cache lokalnya sudah dibersihkan.</translation>
    </message>
    <message>
        <source>The stored token is unusable: %1</source>
        <translation>Token tersimpan tidak dapat dipakai: %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>Token:   %1</source>
        <translation>Token:   %1</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>Sesi:</translation>
    </message>
</context>
<context>
    <name>ProfileServices</name>
    <message>
        <source>not signed in</source>
        <translation>belum masuk</translation>
    </message>
    <message>
        <source>no session was named</source>
        <translation>tidak ada sesi yang disebutkan</translation>
    </message>
    <message>
        <source>a sync is already running (%1)</source>
        <translation>sinkronisasi sedang berjalan (%1)</translation>
    </message>
    <message>
        <source>the console is not signed in</source>
        <translation>konsol belum masuk</translation>
    </message>
    <message>
        <source>the sync could not start</source>
        <translation>sinkronisasi tidak dapat dimulai</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>No session id was given.</source>
        <translation>Tidak ada ID sesi yang diberikan.</translation>
    </message>
    <message>
        <source>The session id is too long.</source>
        <translation>ID sesi terlalu panjang.</translation>
    </message>
    <message>
        <source>The session id contains a space, a slash or a control character.</source>
        <translation>ID sesi mengandung spasi, garis miring, atau karakter kontrol.</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Profil perlu nama.</translation>
    </message>
    <message>
        <source>The profile name must not start or end with a space.</source>
        <translation>Nama profil tidak boleh diawali atau diakhiri spasi.</translation>
    </message>
    <message>
        <source>The profile name is too long (at most %1 characters).</source>
        <translation>Nama profil terlalu panjang (paling banyak %1 karakter).</translation>
    </message>
    <message>
        <source>The profile name must not start with &apos;-&apos;.</source>
        <translation>Nama profil tidak boleh diawali &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The profile name must not contain &apos;/&apos; or &apos;\&apos;.</source>
        <translation>Nama profil tidak boleh mengandung &apos;/&apos; atau &apos;\&apos;.</translation>
    </message>
    <message>
        <source>The profile name must not contain control or invisible characters.</source>
        <translation>Nama profil tidak boleh mengandung karakter kontrol atau tak terlihat.</translation>
    </message>
    <message>
        <source>No gateway URL was given.</source>
        <translation>URL gateway tidak diberikan.</translation>
    </message>
    <message>
        <source>The gateway URL is not valid: %1</source>
        <translation>URL gateway tidak valid: %1</translation>
    </message>
    <message>
        <source>The gateway URL must start with https:// (or http://).</source>
        <translation>URL gateway harus diawali https:// (atau http://).</translation>
    </message>
    <message>
        <source>The gateway URL has no host name.</source>
        <translation>URL gateway tidak punya nama host.</translation>
    </message>
    <message>
        <source>The gateway URL must not contain a user name or password; the token goes in its own field.</source>
        <translation>URL gateway tidak boleh berisi nama pengguna atau kata sandi; token punya kolomnya sendiri.</translation>
    </message>
    <message>
        <source>The gateway URL must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>URL gateway tidak boleh berisi &apos;?&apos; atau &apos;#&apos;.</translation>
    </message>
    <message>
        <source>The profile needs a token kind (JWT or api-key).</source>
        <translation>Profil perlu jenis token (JWT atau api-key).</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Profil bernama &quot;%1&quot; sudah ada.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Tidak ada profil bernama &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>ProfilesMenu</name>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Masuk…</translation>
    </message>
    <message>
        <source>S&amp;witch profile</source>
        <translation>&amp;Ganti profil</translation>
    </message>
    <message>
        <source>Add &amp;session id…</source>
        <translation>Tambah ID &amp;sesi…</translation>
    </message>
    <message>
        <source>For tokens that cannot list sessions: use a session by its id</source>
        <translation>Untuk token yang tidak dapat mendaftar sesi: pakai sesi berdasarkan ID-nya</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>K&amp;eluar…</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Keychain tidak tersedia</translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; cannot be read from the OS keychain.</source>
        <translation>Token profil &quot;%1&quot; tidak dapat dibaca dari keychain OS.</translation>
    </message>
    <message>
        <source>The console never keeps a token in a file. You can keep it in memory for this run only and paste it again.</source>
        <translation>Konsol tidak pernah menyimpan token di berkas. Anda dapat menyimpannya di memori untuk kali ini saja dan menempelkannya lagi nanti.</translation>
    </message>
    <message>
        <source>&amp;Keep the token for this run only</source>
        <translation>&amp;Simpan token untuk kali ini saja</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Coba lagi</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Sign out of profile &quot;%1&quot;?</source>
        <translation>Keluar dari profil &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>Its token is forgotten; the profile stays in the list.</source>
        <translation>Tokennya dilupakan; profil tetap ada di daftar.</translation>
    </message>
    <message>
        <source>Its token is deleted from the OS keychain; the profile stays in the list.</source>
        <translation>Tokennya dihapus dari keychain OS; profil tetap ada di daftar.</translation>
    </message>
    <message>
        <source>Also delete this profile&apos;s &amp;cached data</source>
        <translation>Hapus juga data &amp;cache profil ini</translation>
    </message>
    <message>
        <source>Also delete this profile&apos;s cached data</source>
        <translation>Hapus juga data cache profil ini</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>K&amp;eluar</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sudah keluar</translation>
    </message>
    <message>
        <source>Add session id</source>
        <translation>Tambah ID sesi</translation>
    </message>
    <message>
        <source>Session id for profile &quot;%1&quot; (remembered for this profile):</source>
        <translation>ID sesi untuk profil &quot;%1&quot; (diingat untuk profil ini):</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;lang</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;alamat tautan</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>RealtimeFeed</name>
    <message>
        <source>No heartbeat from the gateway for %1 s.</source>
        <translation>Tidak ada detak dari gateway selama %1 dtk.</translation>
    </message>
    <message>
        <source>The realtime connection did not open in time.</source>
        <translation>Koneksi realtime tidak terbuka tepat waktu.</translation>
    </message>
    <message>
        <source>There is no gateway to subscribe to.</source>
        <translation>Tidak ada gateway untuk dilanggan.</translation>
    </message>
    <message>
        <source>The gateway refused the realtime feed: %1</source>
        <translation>Gateway menolak umpan realtime: %1</translation>
    </message>
    <message>
        <source>The realtime connection closed (%1).</source>
        <translation>Koneksi realtime tertutup (%1).</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Connected</source>
        <translation>Terhubung</translation>
    </message>
    <message>
        <source>Starting: not connected yet</source>
        <translation>Memulai: belum terhubung</translation>
    </message>
    <message>
        <source>Waiting for a QR code scan: not connected</source>
        <translation>Menunggu pindai kode QR: tidak terhubung</translation>
    </message>
    <message>
        <source>Failed: not connected</source>
        <translation>Gagal: tidak terhubung</translation>
    </message>
    <message>
        <source>Stopped: not connected</source>
        <translation>Berhenti: tidak terhubung</translation>
    </message>
    <message>
        <source>Logged out of WhatsApp: not connected</source>
        <translation>Keluar dari WhatsApp: tidak terhubung</translation>
    </message>
    <message>
        <source>Status unknown (added by id; this token cannot list sessions)</source>
        <translation>Status tidak diketahui (ditambahkan lewat ID; token ini tidak dapat mendaftar sesi)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>SessionsPane</name>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sesi</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan</translation>
    </message>
    <message>
        <source>Fetch this session&apos;s contacts, groups and members (Ctrl+R)</source>
        <translation>Ambil kontak, grup, dan anggota sesi ini (Ctrl+R)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <source>Sign in to a gateway: no profile is chosen yet.</source>
        <translation>Masuk ke gateway: belum ada profil yang dipilih.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;. Sign in to create it.</source>
        <translation>Tidak ada profil bernama &quot;%1&quot;. Masuk untuk membuatnya.</translation>
    </message>
    <message>
        <source>No token is stored for profile &quot;%1&quot; (or the keychain is locked). Sign in with a token.</source>
        <translation>Tidak ada token tersimpan untuk profil &quot;%1&quot; (atau keychain terkunci). Masuk dengan token.</translation>
    </message>
    <message>
        <source>The token stored for profile &quot;%1&quot; is unusable. Sign in with a new one.</source>
        <translation>Token yang tersimpan untuk profil &quot;%1&quot; tidak dapat dipakai. Masuk dengan token baru.</translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; has expired. Sign in with a new one.</source>
        <translation>Token profil &quot;%1&quot; sudah kedaluwarsa. Masuk dengan token baru.</translation>
    </message>
    <message>
        <source>The gateway rejected the token of profile &quot;%1&quot; (401): it expired or was revoked. Sign in again.</source>
        <translation>Gateway menolak token profil &quot;%1&quot; (401): token kedaluwarsa atau dicabut. Masuk lagi.</translation>
    </message>
    <message>
        <source>The keychain is not used in this run: type the token of profile &quot;%1&quot; again. It is kept in memory until the console quits.</source>
        <translation>Keychain tidak dipakai kali ini: ketik lagi token profil &quot;%1&quot;. Token disimpan di memori sampai konsol ditutup.</translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; expired on %2. Sign in with a new one.</source>
        <translation>Token profil &quot;%1&quot; kedaluwarsa pada %2. Masuk dengan token baru.</translation>
    </message>
    <message>
        <source>The JWT expired on %1; get a new one.</source>
        <translation>JWT kedaluwarsa pada %1; minta yang baru.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Profil bernama &quot;%1&quot; sudah ada.</translation>
    </message>
    <message>
        <source>The profile was saved; another sign-in was started meanwhile.</source>
        <translation>Profil sudah disimpan; sementara itu proses masuk lain sudah dimulai.</translation>
    </message>
    <message>
        <source>No profile is signed in.</source>
        <translation>Tidak ada profil yang masuk.</translation>
    </message>
    <message>
        <source>You are still signed in; nothing was deleted.</source>
        <translation>Anda masih masuk; tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>There is no local cache to delete.</source>
        <translation>Tidak ada cache lokal untuk dihapus.</translation>
    </message>
    <message>
        <source>Signed out, but the cached data of profile &quot;%1&quot; could not be deleted: %2</source>
        <translation>Sudah keluar, tetapi data cache profil &quot;%1&quot; tidak dapat dihapus: %2</translation>
    </message>
    <message>
        <source>The cached data of profile &quot;%1&quot; was deleted.</source>
        <translation>Data cache profil &quot;%1&quot; sudah dihapus.</translation>
    </message>
    <message>
        <source>Sign in to a profile first.</source>
        <translation>Masuk ke profil dulu.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to a gateway</source>
        <translation>Masuk ke gateway</translation>
    </message>
    <message>
        <source>Why sign-in is needed</source>
        <translation>Mengapa perlu masuk</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nama profil:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nama profil</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>mis. produksi</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>&amp;URL gateway:</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>URL gateway</translation>
    </message>
    <message>
        <source>https://gateway.example.com</source>
        <translation>https://gateway.example.com</translation>
    </message>
    <message>
        <source>Gateway URL warning</source>
        <translation>Peringatan URL gateway</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>A login JWT or an api-key, pasted</source>
        <translation>JWT login atau api-key, ditempel</translation>
    </message>
    <message>
        <source>JWT or api-key (wa_...)</source>
        <translation>JWT atau api-key (wa_...)</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>T&amp;ampilkan</translation>
    </message>
    <message>
        <source>Show token</source>
        <translation>Tampilkan token</translation>
    </message>
    <message>
        <source>Token details</source>
        <translation>Detail token</translation>
    </message>
    <message>
        <source>Token warning</source>
        <translation>Peringatan token</translation>
    </message>
    <message>
        <source>&amp;Session ids:</source>
        <translation>ID &amp;sesi:</translation>
    </message>
    <message>
        <source>Session ids</source>
        <translation>ID sesi</translation>
    </message>
    <message>
        <source>For tokens that cannot list sessions: session ids separated by spaces or commas</source>
        <translation>Untuk token yang tidak dapat mendaftar sesi: ID sesi dipisahkan spasi atau koma</translation>
    </message>
    <message>
        <source>Only needed when the token cannot list sessions</source>
        <translation>Hanya perlu jika token tidak dapat mendaftar sesi</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Periksa</translation>
    </message>
    <message>
        <source>Check the token</source>
        <translation>Periksa token</translation>
    </message>
    <message>
        <source>Asks the gateway what the token can do</source>
        <translation>Menanyakan ke gateway apa yang dapat dilakukan token</translation>
    </message>
    <message>
        <source>Check status</source>
        <translation>Status pemeriksaan</translation>
    </message>
    <message>
        <source>What the token can do</source>
        <translation>Yang dapat dilakukan token</translation>
    </message>
    <message>
        <source>Check asks the gateway what this token can do (it only reads, never changes anything).</source>
        <translation>Periksa menanyakan ke gateway apa yang dapat dilakukan token ini (hanya membaca, tidak pernah mengubah apa pun).</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Masalah saat masuk</translation>
    </message>
    <message>
        <source>&amp;Keep the token for this run only</source>
        <translation>&amp;Simpan token untuk kali ini saja</translation>
    </message>
    <message>
        <source>Keep the token in memory for this run only</source>
        <translation>Simpan token di memori untuk kali ini saja</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Masuk</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The keychain is not used in this run: the token is kept in memory until the console quits, and never written to a file.</source>
        <translation>Keychain tidak dipakai kali ini: token disimpan di memori sampai konsol ditutup, dan tidak pernah ditulis ke berkas.</translation>
    </message>
    <message>
        <source>Warning: this is plain http to %1, which is not this machine: the token would travel unencrypted. Use https unless the network is trusted.</source>
        <translation>Peringatan: ini http biasa ke %1, yang bukan mesin ini: token akan dikirim tanpa enkripsi. Pakai https kecuali jaringannya tepercaya.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; exists: signing in replaces its token.</source>
        <translation>Profil &quot;%1&quot; sudah ada: masuk akan mengganti tokennya.</translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation>Menanyakan ke gateway…</translation>
    </message>
    <message>
        <source>The URL or token changed meanwhile: check again.</source>
        <translation>URL atau token berubah sementara itu: periksa lagi.</translation>
    </message>
    <message>
        <source>Checked.</source>
        <translation>Sudah diperiksa.</translation>
    </message>
    <message>
        <source>Check failed.</source>
        <translation>Pemeriksaan gagal.</translation>
    </message>
    <message>
        <source>You can keep the token in memory for this run only: it is never written to a file, and you will paste it again next time.</source>
        <translation>Anda dapat menyimpan token di memori untuk kali ini saja: token tidak pernah ditulis ke berkas, dan Anda perlu menempelkannya lagi lain kali.</translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation>Menyimpan token…</translation>
    </message>
</context>
<context>
    <name>SignInStatus</name>
    <message>
        <source>Signed-in profile</source>
        <translation>Profil yang masuk</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>Profile %1 — %2</source>
        <translation>Profil %1 — %2</translation>
    </message>
    <message>
        <source> (token in memory only)</source>
        <translation> (token hanya di memori)</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Masuk ke %1…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <source>Profile %1: sign-in needed</source>
        <translation>Profil %1: perlu masuk</translation>
    </message>
    <message>
        <source>Profile %1: the keychain is unavailable</source>
        <translation>Profil %1: keychain tidak tersedia</translation>
    </message>
</context>
<context>
    <name>SignInText</name>
    <message>
        <source>1 minute</source>
        <translation>1 menit</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 menit</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 jam</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 jam</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 hari</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dalam %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 yang lalu</translation>
    </message>
    <message>
        <source>Not a usable token: %1</source>
        <translation>Bukan token yang dapat dipakai: %1</translation>
    </message>
    <message>
        <source>An api-key (wa_...).</source>
        <translation>Sebuah api-key (wa_...).</translation>
    </message>
    <message>
        <source>An api-key.</source>
        <translation>Sebuah api-key.</translation>
    </message>
    <message>
        <source>What it may do was saved on it at the gateway: use Check to find out.</source>
        <translation>Apa yang boleh dilakukannya disimpan bersamanya di gateway: pakai Periksa untuk mengetahuinya.</translation>
    </message>
    <message>
        <source>A login JWT (%1). Its claims are read here, not verified: only the gateway can verify them.</source>
        <translation>JWT login (%1). Klaimnya dibaca di sini, bukan diverifikasi: hanya gateway yang dapat memverifikasinya.</translation>
    </message>
    <message>
        <source>no algorithm</source>
        <translation>tanpa algoritme</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>Organisasi: %1</translation>
    </message>
    <message>
        <source>none in the claims</source>
        <translation>tidak ada di klaim</translation>
    </message>
    <message>
        <source> (platform role %1)</source>
        <translation> (peran platform %1)</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Peran: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Pengguna: %1</translation>
    </message>
    <message>
        <source>Expired: %1 (%2)</source>
        <translation>Sudah kedaluwarsa: %1 (%2)</translation>
    </message>
    <message>
        <source>Expires: %1 (%2)</source>
        <translation>Kedaluwarsa: %1 (%2)</translation>
    </message>
    <message>
        <source>Expires: never (no &quot;exp&quot; claim)</source>
        <translation>Kedaluwarsa: tidak pernah (tidak ada klaim &quot;exp&quot;)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Catatan: %1</translation>
    </message>
    <message>
        <source>api-key</source>
        <translation>api-key</translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation>organisasi %1</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>sudah kedaluwarsa %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>kedaluwarsa %1</translation>
    </message>
    <message>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>Warning: this token has expired (%1). The gateway will reject it; get a new one.</source>
        <translation>Peringatan: token ini sudah kedaluwarsa (%1). Gateway akan menolaknya; minta yang baru.</translation>
    </message>
    <message>
        <source>Warning: this token expires within a day (%1, %2). You will have to sign in again then.</source>
        <translation>Peringatan: token ini kedaluwarsa dalam sehari (%1, %2). Anda harus masuk lagi saat itu.</translation>
    </message>
    <message>
        <source>The gateway rejected this token (401): it is wrong, expired or revoked.</source>
        <translation>Gateway menolak token ini (401): token salah, kedaluwarsa, atau dicabut.</translation>
    </message>
    <message>
        <source>The gateway could not be asked.</source>
        <translation>Gateway tidak dapat ditanya.</translation>
    </message>
    <message>
        <source>This token can do nothing that was tried.</source>
        <translation>Token ini tidak dapat melakukan apa pun yang dicoba.</translation>
    </message>
    <message>
        <source>This token can: %1.</source>
        <translation>Token ini dapat: %1.</translation>
    </message>
    <message>
        <source>It cannot: %1.</source>
        <translation>Tidak dapat: %1.</translation>
    </message>
    <message>
        <source>Not known yet: %1.</source>
        <translation>Belum diketahui: %1.</translation>
    </message>
    <message>
        <source>It cannot list sessions: type the session ids to use in &quot;Session ids&quot;; they are remembered for this profile.</source>
        <translation>Token ini tidak dapat mendaftar sesi: ketik ID sesi yang dipakai di &quot;ID sesi&quot;; ID itu diingat untuk profil ini.</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>Sesi:</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sync progress</source>
        <translation>Kemajuan sinkronisasi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Batalkan sinkronisasi</translation>
    </message>
    <message>
        <source>Offline: the gateway is unreachable; showing the cache</source>
        <translation>Offline: gateway tidak dapat dijangkau; menampilkan cache</translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation>Menyinkronkan %1…</translation>
    </message>
    <message>
        <source>Syncing %1: %2 of %3</source>
        <translation>Menyinkronkan %1: %2 dari %3</translation>
    </message>
    <message>
        <source>Syncing %1: %2</source>
        <translation>Menyinkronkan %1: %2</translation>
    </message>
    <message>
        <source>Synced %1 contacts, %2 groups</source>
        <translation>%1 kontak, %2 grup tersinkron</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>Sinkronisasi dibatalkan</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Sinkronisasi gagal: %1</translation>
    </message>
    <message>
        <source>Sync not started: %1</source>
        <translation>Sinkronisasi tidak dimulai: %1</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>error: </source>
        <translation>kesalahan: </translation>
    </message>
    <message>
        <source>cannot open the cache %1: %2</source>
        <translation>cache %1 tidak dapat dibuka: %2</translation>
    </message>
    <message>
        <source>cannot list sessions: %1</source>
        <translation>sesi tidak dapat didaftar: %1</translation>
    </message>
    <message>
        <source>no session to sync: this token cannot list sessions; name one with --session</source>
        <translation>tidak ada sesi untuk disinkronkan: token ini tidak dapat mendaftar sesi; sebutkan satu dengan --session</translation>
    </message>
    <message>
        <source>%1: a sync of this session is already running; skipped</source>
        <translation>%1: sinkronisasi sesi ini sudah berjalan; dilewati</translation>
    </message>
    <message>
        <source>Sync a profile&apos;s sessions into the local cache.</source>
        <translation>Sinkronkan sesi profil ke cache lokal.</translation>
    </message>
    <message>
        <source>The saved profile to use.</source>
        <translation>Profil tersimpan yang dipakai.</translation>
    </message>
    <message>
        <source>Sync only this session (repeatable).</source>
        <translation>Sinkronkan hanya sesi ini (dapat diulang).</translation>
    </message>
    <message>
        <source>Also fetch every contact&apos;s detail (one request each).</source>
        <translation>Ambil juga detail setiap kontak (satu permintaan per kontak).</translation>
    </message>
    <message>
        <source>Requests in flight at once (default 4).</source>
        <translation>Jumlah permintaan yang berjalan bersamaan (bawaan 4).</translation>
    </message>
    <message>
        <source>Request budget per minute (default: none).</source>
        <translation>Batas permintaan per menit (bawaan: tanpa batas).</translation>
    </message>
    <message>
        <source>--max-in-flight takes 1..16 and --requests-per-minute a number &gt;= 0</source>
        <translation>--max-in-flight menerima 1..16 dan --requests-per-minute angka &gt;= 0</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argumen tak terduga: %1</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>A deep sync needs the cache&apos;s reader.</source>
        <translation>Sinkronisasi mendalam memerlukan pembaca cache.</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Sinkronisasi dibatalkan.</translation>
    </message>
    <message>
        <source>The cache could not start a sync: %1</source>
        <translation>Cache tidak dapat memulai sinkronisasi: %1</translation>
    </message>
    <message>
        <source>Fetching contacts failed: %1</source>
        <translation>Pengambilan kontak gagal: %1</translation>
    </message>
    <message>
        <source>Storing contacts failed: %1</source>
        <translation>Penyimpanan kontak gagal: %1</translation>
    </message>
    <message>
        <source>Finishing the contacts pass failed: %1</source>
        <translation>Penyelesaian tahap kontak gagal: %1</translation>
    </message>
    <message>
        <source>Fetching groups failed: %1</source>
        <translation>Pengambilan grup gagal: %1</translation>
    </message>
    <message>
        <source>Storing groups failed: %1</source>
        <translation>Penyimpanan grup gagal: %1</translation>
    </message>
    <message>
        <source>Fetching group members failed: %1</source>
        <translation>Pengambilan anggota grup gagal: %1</translation>
    </message>
    <message>
        <source>Storing group members failed: %1</source>
        <translation>Penyimpanan anggota grup gagal: %1</translation>
    </message>
    <message>
        <source>Finishing the members pass failed: %1</source>
        <translation>Penyelesaian tahap anggota gagal: %1</translation>
    </message>
    <message>
        <source>Reading contacts back failed: %1</source>
        <translation>Pembacaan ulang kontak gagal: %1</translation>
    </message>
    <message>
        <source>Storing a contact&apos;s detail failed: %1</source>
        <translation>Penyimpanan detail kontak gagal: %1</translation>
    </message>
    <message>
        <source>Fetching a contact&apos;s detail failed: %1</source>
        <translation>Pengambilan detail kontak gagal: %1</translation>
    </message>
    <message>
        <source>Synced %1 contacts, %2 groups and %3 memberships.</source>
        <translation>%1 kontak, %2 grup, dan %3 keanggotaan tersinkron.</translation>
    </message>
    <message>
        <source>%1 contact details.</source>
        <translation>%1 detail kontak.</translation>
    </message>
</context>
<context>
    <name>SyncJob</name>
    <message>
        <source>The cache cannot be opened: %1</source>
        <translation>Cache tidak dapat dibuka: %1</translation>
    </message>
    <message>
        <source>This session is already being synced (by another window or a terminal).</source>
        <translation>Sesi ini sedang disinkronkan (oleh jendela lain atau terminal).</translation>
    </message>
</context>
<context>
    <name>TokenInspector</name>
    <message>
        <source>it is empty</source>
        <translation>token kosong</translation>
    </message>
    <message>
        <source>it is not base64url text</source>
        <translation>bukan teks base64url</translation>
    </message>
    <message>
        <source>its base64url length is impossible (cut short?)</source>
        <translation>panjang base64url-nya mustahil (terpotong?)</translation>
    </message>
    <message>
        <source>it is not valid base64url</source>
        <translation>bukan base64url yang valid</translation>
    </message>
    <message>
        <source>its JSON nests too deeply</source>
        <translation>JSON-nya bersarang terlalu dalam</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>bukan objek JSON</translation>
    </message>
    <message>
        <source>The token contains a space; paste only the token itself.</source>
        <translation>Token mengandung spasi; tempel tokennya saja.</translation>
    </message>
    <message>
        <source>The token contains a line break; paste only the token itself.</source>
        <translation>Token mengandung baris baru; tempel tokennya saja.</translation>
    </message>
    <message>
        <source>The token contains a control character.</source>
        <translation>Token mengandung karakter kontrol.</translation>
    </message>
    <message>
        <source>The token contains a non-ASCII character; tokens are plain ASCII.</source>
        <translation>Token mengandung karakter non-ASCII; token hanya berisi ASCII biasa.</translation>
    </message>
    <message>
        <source>The token&apos;s expiry (exp) is out of range, so it is unknown.</source>
        <translation>Masa berlaku token (exp) di luar jangkauan, jadi tidak diketahui.</translation>
    </message>
    <message>
        <source>The token&apos;s expiry (exp) is not a number, so it is unknown.</source>
        <translation>Masa berlaku token (exp) bukan angka, jadi tidak diketahui.</translation>
    </message>
    <message>
        <source>The token has no expiry (exp).</source>
        <translation>Token tidak punya masa berlaku (exp).</translation>
    </message>
    <message>
        <source>The JWT header names no signing algorithm; the gateway will reject it.</source>
        <translation>Header JWT tidak menyebut algoritme tanda tangan; gateway akan menolaknya.</translation>
    </message>
    <message>
        <source>The JWT is unsigned (alg &quot;none&quot;); the gateway will reject it.</source>
        <translation>JWT tidak ditandatangani (alg &quot;none&quot;); gateway akan menolaknya.</translation>
    </message>
    <message>
        <source>The JWT is signed with %1; the gateway normally expects EdDSA, ES256 or RS256.</source>
        <translation>JWT ditandatangani dengan %1; gateway biasanya mengharapkan EdDSA, ES256, atau RS256.</translation>
    </message>
    <message>
        <source>The JWT names no active organization (activeOrganizationId).</source>
        <translation>JWT tidak menyebut organisasi aktif (activeOrganizationId).</translation>
    </message>
    <message>
        <source>The token is too large (%1 characters; at most %2).</source>
        <translation>Token terlalu besar (%1 karakter; paling banyak %2).</translation>
    </message>
    <message>
        <source>No token was given.</source>
        <translation>Tidak ada token yang diberikan.</translation>
    </message>
    <message>
        <source>Removed the &quot;Bearer&quot; prefix; only the token is kept.</source>
        <translation>Awalan &quot;Bearer&quot; dihapus; hanya tokennya yang disimpan.</translation>
    </message>
    <message>
        <source>The JWT has no signature; the gateway will reject it.</source>
        <translation>JWT tidak punya tanda tangan; gateway akan menolaknya.</translation>
    </message>
    <message>
        <source>It has three parts like a JWT, but its claims cannot be read: %1. Treated as an api-key.</source>
        <translation>Token ini terdiri dari tiga bagian seperti JWT, tetapi klaimnya tidak dapat dibaca: %1. Diperlakukan sebagai api-key.</translation>
    </message>
    <message>
        <source>It has three parts like a JWT, but its header cannot be read: %1. Treated as an api-key.</source>
        <translation>Token ini terdiri dari tiga bagian seperti JWT, tetapi header-nya tidak dapat dibaca: %1. Diperlakukan sebagai api-key.</translation>
    </message>
    <message>
        <source>It starts like a JWT but does not have three dot-separated parts; it may have been copied only in part.</source>
        <translation>Awalnya seperti JWT tetapi tidak terdiri dari tiga bagian yang dipisahkan titik; mungkin hanya tersalin sebagian.</translation>
    </message>
    <message>
        <source>It does not start with &quot;wa_&quot; as the gateway&apos;s api-keys do.</source>
        <translation>Tidak diawali &quot;wa_&quot; seperti api-key gateway.</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>Bahasa &quot;%1&quot; tidak dikenal; pilih salah satu dari: %2.</translation>
    </message>
</context>
<context>
    <name>WindowFrontEnd</name>
    <message>
        <source>The cache of %1 cannot be opened: %2</source>
        <translation>Cache %1 tidak dapat dibuka: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Admin console for a multi-tenant WhatsApp gateway.</source>
        <translation>Konsol admin untuk gateway WhatsApp multi-tenant.</translation>
    </message>
    <message>
        <source>Interface language: %1 (default: the system&apos;s).</source>
        <translation>Bahasa antarmuka: %1 (bawaan: bahasa sistem).</translation>
    </message>
</context>
</TS>
