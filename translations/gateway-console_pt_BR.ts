<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoria</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entradas de auditoria</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exportar registro de auditoria</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Falha na exportação</translation>
    </message>
    <message>
        <source>The audit log was not exported: %1</source>
        <translation>O registro de auditoria não foi exportado: %1</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>no audit log is open</source>
        <translation>nenhum log de auditoria está aberto</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessão</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contato</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>ID da requisição</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origem</translation>
    </message>
</context>
<context>
    <name>CacheLocation</name>
    <message>
        <source>Could not delete the cache in %1.</source>
        <translation>Não foi possível excluir o cache em %1.</translation>
    </message>
    <message>
        <source>A cache already exists in %1.</source>
        <translation>Já existe um cache em %1.</translation>
    </message>
    <message>
        <source>Could not move the cache from %1 to %2.</source>
        <translation>Não foi possível mover o cache de %1 para %2.</translation>
    </message>
</context>
<context>
    <name>CapabilityProbe</name>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>Token rejected: the gateway answered 401. Sign in again with a new token.</source>
        <translation>Token recusado: o gateway respondeu 401. Entre novamente com um novo token.</translation>
    </message>
    <message>
        <source>Could not ask the gateway: %1</source>
        <translation>Não foi possível consultar o gateway: %1</translation>
    </message>
    <message>
        <source>Not tried.</source>
        <translation>Não testado.</translation>
    </message>
    <message>
        <source>The token expired on %1; the gateway will most likely reject it.</source>
        <translation>O token expirou em %1; o gateway provavelmente vai recusá-lo.</translation>
    </message>
    <message>
        <source>The token expires soon (%1).</source>
        <translation>O token expira em breve (%1).</translation>
    </message>
    <message>
        <source>no gateway client</source>
        <translation>nenhum cliente do gateway</translation>
    </message>
    <message>
        <source>Listed 1 session.</source>
        <translation>1 sessão listada.</translation>
    </message>
    <message>
        <source>Listed %1 sessions.</source>
        <translation>%1 sessões listadas.</translation>
    </message>
    <message>
        <source>The gateway answered 403 to listing sessions; add session ids by hand.</source>
        <translation>O gateway respondeu 403 ao listar as sessões; adicione os IDs de sessão manualmente.</translation>
    </message>
    <message>
        <source>Listing sessions answered 404: check the gateway URL.</source>
        <translation>A listagem de sessões respondeu 404: verifique a URL do gateway.</translation>
    </message>
    <message>
        <source>The organization has no session to read from.</source>
        <translation>A organização não tem nenhuma sessão para ler.</translation>
    </message>
    <message>
        <source>No session to try: add a session id by hand.</source>
        <translation>Nenhuma sessão para testar: adicione um ID de sessão manualmente.</translation>
    </message>
    <message>
        <source>Read contacts and groups of session %1.</source>
        <translation>Contatos e grupos da sessão %1 lidos.</translation>
    </message>
    <message>
        <source>The gateway answered 403 to reading session %1.</source>
        <translation>O gateway respondeu 403 ao ler a sessão %1.</translation>
    </message>
    <message>
        <source>Session %1 was not found for this token (an unknown id, or another organization&apos;s session).</source>
        <translation>A sessão %1 não foi encontrada para este token (ID desconhecido ou sessão de outra organização).</translation>
    </message>
    <message>
        <source>Reading session %1 failed: %2</source>
        <translation>Falha ao ler a sessão %1: %2</translation>
    </message>
    <message>
        <source>Not known until a live action (block, unblock) is tried.</source>
        <translation>Só se sabe quando uma ação real (bloquear, desbloquear) for tentada.</translation>
    </message>
    <message>
        <source>Not known: the console does not use events.</source>
        <translation>Desconhecido: o console não usa eventos.</translation>
    </message>
    <message>
        <source>By the token&apos;s org role &quot;%1&quot; (read from its claims; only the gateway can verify them).</source>
        <translation>Pela função na organização do token, &quot;%1&quot; (lida das claims; só o gateway pode verificá-las).</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer on %1 differs from the token&apos;s org role &quot;%2&quot;; the gateway&apos;s answer is what counts.</source>
        <translation>A resposta do gateway em %1 difere da função na organização do token, &quot;%2&quot;; vale a resposta do gateway.</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Sign in with the saved profile NAME (default: the one used last).</source>
        <translation>Entra com o perfil salvo NAME (padrão: o último usado).</translation>
    </message>
    <message>
        <source>Port of the local API on 127.0.0.1 (0: any free port; default: the setting, else %1).</source>
        <translation>Porta da API local em 127.0.0.1 (0: qualquer porta livre; padrão: a configuração, senão %1).</translation>
    </message>
    <message>
        <source>--local-api-port takes 0..65535</source>
        <translation>--local-api-port aceita 0..65535</translation>
    </message>
    <message>
        <source>Sign in to the gateway at URL with the token in $%1, for this run only (nothing is saved).</source>
        <translation>Entrar no gateway em URL com o token em $%1, só nesta execução (nada é salvo).</translation>
    </message>
    <message>
        <source>--demo: %1</source>
        <translation>--demo: %1</translation>
    </message>
    <message>
        <source>--demo needs the token in the environment variable %1</source>
        <translation>--demo precisa do token na variável de ambiente %1</translation>
    </message>
</context>
<context>
    <name>ContactActionService</name>
    <message>
        <source> (request %1)</source>
        <translation> (requisição %1)</translation>
    </message>
    <message>
        <source>Blocked.</source>
        <translation>Bloqueado.</translation>
    </message>
    <message>
        <source>Unblocked.</source>
        <translation>Desbloqueado.</translation>
    </message>
    <message>
        <source>Not done: the session is not connected to WhatsApp, so it cannot %1 anyone.</source>
        <translation>Não realizado: a sessão não está conectada ao WhatsApp, então não pode %1 ninguém.</translation>
    </message>
    <message>
        <source>block</source>
        <translation>bloquear</translation>
    </message>
    <message>
        <source>unblock</source>
        <translation>desbloquear</translation>
    </message>
    <message>
        <source>Not done: this token may not send (it lacks the &quot;send&quot; capability).</source>
        <translation>Não realizado: este token não pode enviar (falta a permissão &quot;send&quot;).</translation>
    </message>
    <message>
        <source>Not done: the gateway does not know this session or contact.</source>
        <translation>Não realizado: o gateway não conhece esta sessão ou este contato.</translation>
    </message>
    <message>
        <source>Not done: the gateway is unreachable.</source>
        <translation>Não realizado: o gateway está inacessível.</translation>
    </message>
    <message>
        <source>The request may have reached it; check before retrying.</source>
        <translation>A requisição pode ter chegado; verifique antes de tentar de novo.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Não realizado: %1</translation>
    </message>
    <message>
        <source>%1 Session status: %2.</source>
        <translation>%1 Status da sessão: %2.</translation>
    </message>
    <message>
        <source>Not done: the session is still connecting to WhatsApp; try again once it is connected.</source>
        <translation>Não feito: a sessão ainda está se conectando ao WhatsApp; tente de novo quando estiver conectada.</translation>
    </message>
    <message>
        <source>Not done: the session is waiting to be paired (its QR code has not been scanned); try again once it is connected.</source>
        <translation>Não feito: a sessão aguarda o pareamento (o código QR ainda não foi lido); tente de novo quando estiver conectada.</translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>Block contact</source>
        <translation>Bloquear contato</translation>
    </message>
    <message>
        <source>Block %1 on session %2?

They will no longer be able to message this WhatsApp number.</source>
        <translation>Bloquear %1 na sessão %2?

Ele não poderá mais enviar mensagens para este número do WhatsApp.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Sign in first: no gateway to send this to.</source>
        <translation>Entre primeiro: não há gateway para onde enviar isto.</translation>
    </message>
    <message>
        <source>Blocking…</source>
        <translation>Bloqueando…</translation>
    </message>
    <message>
        <source>Unblocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
</context>
<context>
    <name>ContactDetailPane</name>
    <message>
        <source>No contact selected</source>
        <translation>Nenhum contato selecionado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Phone JID</source>
        <translation>JID do telefone</translation>
    </message>
    <message>
        <source>LID</source>
        <translation>LID</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Direct chat</source>
        <translation>Conversa direta</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Visto pela 1ª vez</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Atualizado</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>Atualidade</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unblock this contact on the selected session (Ctrl+U)</source>
        <translation>Desbloquear este contato na sessão selecionada (Ctrl+U)</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Bloquear…</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Resultado da última ação</translation>
    </message>
    <message>
        <source>Seen in groups</source>
        <translation>Visto em grupos</translation>
    </message>
    <message>
        <source>Groups this contact was seen in</source>
        <translation>Grupos em que este contato foi visto</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>oculto</translation>
    </message>
    <message>
        <source>Has DM</source>
        <translation>Tem DM</translation>
    </message>
    <message>
        <source>No DM (seen in groups only)</source>
        <translation>Sem DM (visto só em grupos)</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>sincronizado %1</translation>
    </message>
    <message>
        <source>not in the cache</source>
        <translation>não está no cache</translation>
    </message>
    <message>
        <source>live from the gateway</source>
        <translation>direto do gateway</translation>
    </message>
</context>
<context>
    <name>ContactGroupsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(sem assunto)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
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
        <translation>Função</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por último</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>LID</source>
        <translation>LID</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Nome comercial</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Encontrado em</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Visto pela 1ª vez</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Atualizado</translation>
    </message>
</context>
<context>
    <name>ContactsPane</name>
    <message>
        <source>Search name, phone, LID, business name or tag (Ctrl+F)</source>
        <translation>Buscar nome, telefone, LID, nome comercial ou tag (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Buscar contatos</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Encontrado em</translation>
    </message>
    <message>
        <source>Found anywhere</source>
        <translation>Em qualquer lugar</translation>
    </message>
    <message>
        <source>Direct chats</source>
        <translation>Conversas diretas</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Contacts shown</source>
        <translation>Contatos exibidos</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contatos</translation>
    </message>
    <message>
        <source>In group: %1</source>
        <translation>No grupo: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The OS keychain is not available: no Secret Service was reachable on D-Bus%1. The token can be kept in memory for this run only.</source>
        <translation>O chaveiro do sistema não está disponível: nenhum Secret Service respondeu no D-Bus%1. O token pode ficar na memória só durante esta execução.</translation>
    </message>
    <message>
        <source>The OS keychain is locked or access to it was cancelled%1. Unlock it and try again.</source>
        <translation>O chaveiro do sistema está bloqueado ou o acesso foi cancelado%1. Desbloqueie-o e tente de novo.</translation>
    </message>
    <message>
        <source>No token is stored for profile &quot;%1&quot; (or the keychain is locked).</source>
        <translation>Não há token guardado para o perfil &quot;%1&quot; (ou o chaveiro está bloqueado).</translation>
    </message>
    <message>
        <source>The OS keychain failed%1.</source>
        <translation>O chaveiro do sistema falhou%1.</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Owner</source>
        <translation>Proprietário</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membro</translation>
    </message>
    <message>
        <source>Direct chat</source>
        <translation>Conversa direta</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>agora mesmo</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>há %n min</numerusform>
            <numerusform>há %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>há %n h</numerusform>
            <numerusform>há %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>há %n dia</numerusform>
            <numerusform>há %n dias</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreshnessLabel</name>
    <message>
        <source>Live</source>
        <translation>Ao vivo</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ainda não sincronizado</translation>
    </message>
    <message>
        <source>Updated just now</source>
        <translation>Atualizado agora mesmo</translation>
    </message>
    <message numerus="yes">
        <source>Updated %n min ago</source>
        <translation>
            <numerusform>Atualizado há %n min</numerusform>
            <numerusform>Atualizado há %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %n h ago</source>
        <translation>
            <numerusform>Atualizado há %n h</numerusform>
            <numerusform>Atualizado há %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %n days ago</source>
        <translation>
            <numerusform>Atualizado há %n dia</numerusform>
            <numerusform>Atualizado há %n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes on the gateway show here as they happen.</source>
        <translation>As mudanças no gateway aparecem aqui assim que acontecem.</translation>
    </message>
    <message>
        <source>Last update: %1</source>
        <translation>Última atualização: %1</translation>
    </message>
</context>
<context>
    <name>GatewayClient</name>
    <message>
        <source>No gateway address is set.</source>
        <translation>Nenhum endereço de gateway foi definido.</translation>
    </message>
    <message>
        <source>No token is set for this gateway.</source>
        <translation>Nenhum token foi definido para este gateway.</translation>
    </message>
    <message>
        <source>The source filter must be dm or group.</source>
        <translation>O filtro de origem deve ser dm ou group.</translation>
    </message>
    <message>
        <source>The page cursor is too long.</source>
        <translation>O cursor de página é longo demais.</translation>
    </message>
    <message>
        <source>The realtime scope must be organization or session.</source>
        <translation>O escopo em tempo real deve ser organization ou session.</translation>
    </message>
    <message>
        <source>The event id to resume after is too long.</source>
        <translation>O id do evento para retomar é longo demais.</translation>
    </message>
</context>
<context>
    <name>GatewayError</name>
    <message>
        <source>The gateway rejected the token; sign in again.</source>
        <translation>O gateway recusou o token; entre novamente.</translation>
    </message>
    <message>
        <source>This token is not allowed to do that.</source>
        <translation>Este token não tem permissão para fazer isso.</translation>
    </message>
    <message>
        <source>Not found (or it belongs to another organization).</source>
        <translation>Não encontrado (ou pertence a outra organização).</translation>
    </message>
    <message>
        <source>The session is not connected to WhatsApp.</source>
        <translation>A sessão não está conectada ao WhatsApp.</translation>
    </message>
    <message>
        <source>The gateway is rate limiting requests; try again shortly.</source>
        <translation>O gateway está limitando as requisições; tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The gateway is unavailable; try again shortly.</source>
        <translation>O gateway está indisponível; tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The gateway refused the request as invalid.</source>
        <translation>O gateway recusou a requisição por ser inválida.</translation>
    </message>
    <message>
        <source>The gateway reported an error.</source>
        <translation>O gateway informou um erro.</translation>
    </message>
    <message>
        <source>The gateway cannot be reached: </source>
        <translation>Não foi possível alcançar o gateway: </translation>
    </message>
    <message>
        <source>The gateway did not answer in time.</source>
        <translation>O gateway não respondeu a tempo.</translation>
    </message>
    <message>
        <source>The gateway sent an answer that could not be read: </source>
        <translation>O gateway enviou uma resposta ilegível: </translation>
    </message>
    <message>
        <source>The gateway&apos;s answer was larger than allowed.</source>
        <translation>A resposta do gateway excedeu o tamanho permitido.</translation>
    </message>
    <message>
        <source>The secure connection to the gateway failed: </source>
        <translation>A conexão segura com o gateway falhou: </translation>
    </message>
    <message>
        <source>The gateway redirected to another address; the request was stopped so the token is not sent there.</source>
        <translation>O gateway redirecionou para outro endereço; a requisição foi interrompida para que o token não seja enviado para lá.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>It may or may not have taken effect; repeating it is safe.</source>
        <translation>Pode ou não ter surtido efeito; repetir é seguro.</translation>
    </message>
</context>
<context>
    <name>GatewayPaths</name>
    <message>
        <source>The session id is empty.</source>
        <translation>O ID da sessão está vazio.</translation>
    </message>
    <message>
        <source>The session id is not valid.</source>
        <translation>O ID da sessão não é válido.</translation>
    </message>
    <message>
        <source>Not a LID (expected digits@lid).</source>
        <translation>Não é um LID (esperado dígitos@lid).</translation>
    </message>
    <message>
        <source>Not a group address (expected digits@g.us).</source>
        <translation>Não é um endereço de grupo (esperado dígitos@g.us).</translation>
    </message>
    <message>
        <source>The search text is too long.</source>
        <translation>O texto da busca é longo demais.</translation>
    </message>
    <message>
        <source>The search text contains control characters.</source>
        <translation>O texto da busca contém caracteres de controle.</translation>
    </message>
    <message>
        <source>Not a WhatsApp address (expected something like digits@lid).</source>
        <translation>Não é um endereço do WhatsApp (esperado algo como dígitos@lid).</translation>
    </message>
</context>
<context>
    <name>GroupMembersModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
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
        <translation>Função</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(sem assunto)</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
    <message>
        <source>JID</source>
        <translation>JID</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membros</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Proprietário</translation>
    </message>
    <message>
        <source>Announce / locked</source>
        <translation>Avisos / bloqueado</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado</translation>
    </message>
</context>
<context>
    <name>GroupsPane</name>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membros</translation>
    </message>
    <message>
        <source>Group members</source>
        <translation>Membros do grupo</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Membros de %1</translation>
    </message>
</context>
<context>
    <name>HeadlessFrontEnd</name>
    <message>
        <source>Sync the profile&apos;s sessions and serve the local API, without a window.</source>
        <translation>Sincroniza as sessões do perfil e serve a API local, sem janela.</translation>
    </message>
    <message>
        <source>Run without a window.</source>
        <translation>Executa sem janela.</translation>
    </message>
</context>
<context>
    <name>LiveApplier</name>
    <message>
        <source>The cache is closed.</source>
        <translation>O cache está fechado.</translation>
    </message>
</context>
<context>
    <name>LocalApiDialog</name>
    <message>
        <source>Local API</source>
        <translation>API local</translation>
    </message>
    <message>
        <source>Local API address</source>
        <translation>Endereço da API local</translation>
    </message>
    <message>
        <source>Local API token</source>
        <translation>Token da API local</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation>&amp;Gerar outro…</translation>
    </message>
    <message>
        <source>Local apps send the token as &quot;Authorization: Bearer TOKEN&quot;. It is not the gateway&apos;s token: that one never leaves the console.</source>
        <translation>Os apps locais enviam o token como &quot;Authorization: Bearer TOKEN&quot;. Ele não é o token do gateway: esse nunca sai do console.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Endereço:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Discovery file:</source>
        <translation>Arquivo de descoberta:</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Ocultar</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>Parado: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Not running: sign in to a profile first</source>
        <translation>Parado: entre em um perfil primeiro</translation>
    </message>
    <message>
        <source>Regenerate the local API token?</source>
        <translation>Gerar outro token da API local?</translation>
    </message>
    <message>
        <source>Every local app using the current token will be refused until it is given the new one.</source>
        <translation>Todo app local que usa o token atual será recusado até receber o novo.</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Gerar outro</translation>
    </message>
</context>
<context>
    <name>LocalApiService</name>
    <message>
        <source>the local API is already running</source>
        <translation>a API local já está em execução</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Contatos</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Grupos</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>C&amp;ontato</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar agora</translation>
    </message>
    <message>
        <source>Open &amp;detail</source>
        <translation>Abrir &amp;detalhes</translation>
    </message>
    <message>
        <source>Copy &amp;LID</source>
        <translation>Copiar &amp;LID</translation>
    </message>
    <message>
        <source>Copy &amp;phone</source>
        <translation>Copiar &amp;telefone</translation>
    </message>
    <message>
        <source>Copy phone &amp;JID</source>
        <translation>Copiar &amp;JID do telefone</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Bloquear…</translation>
    </message>
    <message>
        <source>&amp;Export view to CSV…</source>
        <translation>&amp;Exportar visão para CSV…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Registro de &amp;auditoria…</translation>
    </message>
    <message>
        <source>&amp;Local API…</source>
        <translation>API l&amp;ocal…</translation>
    </message>
    <message>
        <source>Local API: %1</source>
        <translation>API local: %1</translation>
    </message>
    <message>
        <source>Local API off: %1</source>
        <translation>API local desligada: %1</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>Nenhuma sessão selecionada.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Last complete sync %1.</source>
        <translation>Última sincronização completa %1.</translation>
    </message>
    <message>
        <source>Never synced completely.</source>
        <translation>Nunca sincronizado por completo.</translation>
    </message>
    <message>
        <source>No profile is open.</source>
        <translation>Nenhum perfil aberto.</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Exportar para CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado para %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Falha na exportação</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Não exportado: %1</translation>
    </message>
    <message>
        <source>Contacts and groups</source>
        <translation>Contatos e grupos</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>&amp;About Gateway Console</source>
        <translation>&amp;Sobre o Gateway Console</translation>
    </message>
    <message>
        <source>About Gateway Console</source>
        <translation>Sobre o Gateway Console</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gateway Console %1&lt;/b&gt;&lt;p&gt;Admin console for a multi-tenant WhatsApp gateway.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;Gateway Console %1&lt;/b&gt;&lt;p&gt;Console de administração para um gateway de WhatsApp multilocatário.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard (no tokens included).</source>
        <translation>Diagnóstico copiado para a área de transferência (sem tokens).</translation>
    </message>
    <message>
        <source>Local API address</source>
        <translation>Endereço da API local</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>entre primeiro</translation>
    </message>
    <message>
        <source>Sync not started: %1.</source>
        <translation>Sincronização não iniciada: %1.</translation>
    </message>
</context>
<context>
    <name>ProfileCommand</name>
    <message>
        <source>A token is never taken from the command line (it would stay in the shell history and show in the process list). Pass it on standard input, e.g. `gateway-console profile add NAME --url URL &lt; token.txt`.</source>
        <translation>O token nunca é lido da linha de comando (ficaria no histórico do shell e apareceria na lista de processos). Passe-o pela entrada padrão, por exemplo `gateway-console profile add NAME --url URL &lt; token.txt`.</translation>
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
        <translation>sem alg</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>usuário %1</translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation>organização %1</translation>
    </message>
    <message>
        <source>org role %1</source>
        <translation>função na organização %1</translation>
    </message>
    <message>
        <source>platform role %1</source>
        <translation>função na plataforma %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expira em %1</translation>
    </message>
    <message>
        <source>Usage:
  gateway-console profile add NAME --url URL [--session ID]...  (token on standard input)
  gateway-console profile list
  gateway-console profile remove NAME [--purge-cache]
  gateway-console profile check NAME
Exit codes: 0 ok, 1 failure, 2 usage.
</source>
        <translation>Uso:
  gateway-console profile add NAME --url URL [--session ID]...  (token pela entrada padrão)
  gateway-console profile list
  gateway-console profile remove NAME [--purge-cache]
  gateway-console profile check NAME
Códigos de saída: 0 ok, 1 falha, 2 uso incorreto.
</translation>
    </message>
    <message>
        <source>--url needs a value.</source>
        <translation>--url precisa de um valor.</translation>
    </message>
    <message>
        <source>--session needs a value.</source>
        <translation>--session precisa de um valor.</translation>
    </message>
    <message>
        <source>Unknown option %1 for &quot;profile %2&quot;.</source>
        <translation>Opção %1 desconhecida para &quot;profile %2&quot;.</translation>
    </message>
    <message>
        <source>Unknown command &quot;profile %1&quot;.</source>
        <translation>Comando &quot;profile %1&quot; desconhecido.</translation>
    </message>
    <message>
        <source>Too many arguments for &quot;profile %1&quot;.</source>
        <translation>Argumentos demais para &quot;profile %1&quot;.</translation>
    </message>
    <message>
        <source>&quot;profile %1&quot; needs a profile name.</source>
        <translation>&quot;profile %1&quot; precisa de um nome de perfil.</translation>
    </message>
    <message>
        <source>&quot;profile add&quot; needs --url URL.</source>
        <translation>&quot;profile add&quot; precisa de --url URL.</translation>
    </message>
    <message>
        <source>Standard input cannot be read; pass the token on it.</source>
        <translation>Não foi possível ler a entrada padrão; passe o token por ela.</translation>
    </message>
    <message>
        <source>Paste the token and press Enter (it is not shown): </source>
        <translation>Cole o token e pressione Enter (ele não aparece): </translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists; remove it first.</source>
        <translation>Já existe um perfil chamado &quot;%1&quot;; remova-o primeiro.</translation>
    </message>
    <message>
        <source>The JWT expired on %1; get a new one.</source>
        <translation>O JWT expirou em %1; obtenha um novo.</translation>
    </message>
    <message>
        <source>note: </source>
        <translation>observação: </translation>
    </message>
    <message>
        <source>warning: %1 is plain http to another machine; the token will travel unencrypted.</source>
        <translation>aviso: %1 é http sem criptografia para outra máquina; o token trafegará sem criptografia.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; added: %2 at %3; the token is kept in the OS keychain.</source>
        <translation>Perfil &quot;%1&quot; adicionado: %2 em %3; o token fica no chaveiro do sistema.</translation>
    </message>
    <message>
        <source>No profiles. Add one with: gateway-console profile add NAME --url URL &lt; token.txt</source>
        <translation>Nenhum perfil. Adicione um com: gateway-console profile add NAME --url URL &lt; token.txt</translation>
    </message>
    <message>
        <source>  unencrypted http</source>
        <translation>  http sem criptografia</translation>
    </message>
    <message>
        <source>  sessions: %1</source>
        <translation>  sessões: %1</translation>
    </message>
    <message>
        <source>  last used %1</source>
        <translation>  usado por último em %1</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Não existe perfil chamado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The profile was kept; nothing was removed.</source>
        <translation>O perfil foi mantido; nada foi removido.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; removed, and its token deleted from the OS keychain.</source>
        <translation>Perfil &quot;%1&quot; removido, e seu token excluído do chaveiro do sistema.</translation>
    </message>
    <message>
        <source>There is no local cache to purge.</source>
        <translation>Não há cache local para limpar.</translation>
    </message>
    <message>
        <source>The local cache could not be purged: %1</source>
        <translation>Não foi possível limpar o cache local: %1</translation>
    </message>
    <message>
        <source>Its local cache was purged.</source>
        <translation>O cache local dele foi limpo.</translation>
    </message>
    <message>
        <source>The stored token is unusable: %1</source>
        <translation>O token guardado não pode ser usado: %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Perfil: %1</translation>
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
        <translation>Sessões:</translation>
    </message>
</context>
<context>
    <name>ProfileServices</name>
    <message>
        <source>not signed in</source>
        <translation>não conectado</translation>
    </message>
    <message>
        <source>no session was named</source>
        <translation>nenhuma sessão foi indicada</translation>
    </message>
    <message>
        <source>a sync is already running (%1)</source>
        <translation>uma sincronização já está em andamento (%1)</translation>
    </message>
    <message>
        <source>the console is not signed in</source>
        <translation>o console não está conectado</translation>
    </message>
    <message>
        <source>the sync could not start</source>
        <translation>a sincronização não pôde começar</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>No session id was given.</source>
        <translation>Nenhum ID de sessão foi informado.</translation>
    </message>
    <message>
        <source>The session id is too long.</source>
        <translation>O ID da sessão é longo demais.</translation>
    </message>
    <message>
        <source>The session id contains a space, a slash or a control character.</source>
        <translation>O ID da sessão contém espaço, barra ou caractere de controle.</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>O perfil precisa de um nome.</translation>
    </message>
    <message>
        <source>The profile name must not start or end with a space.</source>
        <translation>O nome do perfil não pode começar nem terminar com espaço.</translation>
    </message>
    <message>
        <source>The profile name is too long (at most %1 characters).</source>
        <translation>O nome do perfil é longo demais (no máximo %1 caracteres).</translation>
    </message>
    <message>
        <source>The profile name must not start with &apos;-&apos;.</source>
        <translation>O nome do perfil não pode começar com &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The profile name must not contain &apos;/&apos; or &apos;\&apos;.</source>
        <translation>O nome do perfil não pode conter &apos;/&apos; nem &apos;\&apos;.</translation>
    </message>
    <message>
        <source>The profile name must not contain control or invisible characters.</source>
        <translation>O nome do perfil não pode conter caracteres de controle ou invisíveis.</translation>
    </message>
    <message>
        <source>No gateway URL was given.</source>
        <translation>Nenhuma URL de gateway foi informada.</translation>
    </message>
    <message>
        <source>The gateway URL is not valid: %1</source>
        <translation>A URL do gateway não é válida: %1</translation>
    </message>
    <message>
        <source>The gateway URL must start with https:// (or http://).</source>
        <translation>A URL do gateway deve começar com https:// (ou http://).</translation>
    </message>
    <message>
        <source>The gateway URL has no host name.</source>
        <translation>A URL do gateway não tem nome de host.</translation>
    </message>
    <message>
        <source>The gateway URL must not contain a user name or password; the token goes in its own field.</source>
        <translation>A URL do gateway não pode conter usuário nem senha; o token vai em um campo próprio.</translation>
    </message>
    <message>
        <source>The gateway URL must not contain &apos;?&apos; or &apos;#&apos;.</source>
        <translation>A URL do gateway não pode conter &apos;?&apos; nem &apos;#&apos;.</translation>
    </message>
    <message>
        <source>The profile needs a token kind (JWT or api-key).</source>
        <translation>O perfil precisa de um tipo de token (JWT ou api-key).</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Já existe um perfil chamado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Não existe perfil chamado &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>ProfilesMenu</name>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Perfil</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Entrar…</translation>
    </message>
    <message>
        <source>S&amp;witch profile</source>
        <translation>&amp;Trocar de perfil</translation>
    </message>
    <message>
        <source>Add &amp;session id…</source>
        <translation>Adicionar ID de &amp;sessão…</translation>
    </message>
    <message>
        <source>For tokens that cannot list sessions: use a session by its id</source>
        <translation>Para tokens que não listam sessões: usar uma sessão pelo ID</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>&amp;Sair…</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Chaveiro indisponível</translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; cannot be read from the OS keychain.</source>
        <translation>O token do perfil &quot;%1&quot; não pode ser lido do chaveiro do sistema.</translation>
    </message>
    <message>
        <source>The console never keeps a token in a file. You can keep it in memory for this run only and paste it again.</source>
        <translation>O console nunca guarda um token em arquivo. Você pode mantê-lo na memória só durante esta execução e colá-lo de novo depois.</translation>
    </message>
    <message>
        <source>&amp;Keep the token for this run only</source>
        <translation>&amp;Manter o token só nesta execução</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Tentar de novo</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Sign out of profile &quot;%1&quot;?</source>
        <translation>Sair do perfil &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>Its token is forgotten; the profile stays in the list.</source>
        <translation>O token é esquecido; o perfil continua na lista.</translation>
    </message>
    <message>
        <source>Its token is deleted from the OS keychain; the profile stays in the list.</source>
        <translation>O token é excluído do chaveiro do sistema; o perfil continua na lista.</translation>
    </message>
    <message>
        <source>Also delete this profile&apos;s &amp;cached data</source>
        <translation>Excluir também os dados em &amp;cache deste perfil</translation>
    </message>
    <message>
        <source>Also delete this profile&apos;s cached data</source>
        <translation>Excluir também os dados em cache deste perfil</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sessão encerrada</translation>
    </message>
    <message>
        <source>Add session id</source>
        <translation>Adicionar ID de sessão</translation>
    </message>
    <message>
        <source>Session id for profile &quot;%1&quot; (remembered for this profile):</source>
        <translation>ID de sessão para o perfil &quot;%1&quot; (fica guardado neste perfil):</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Recor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;olar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Selecionar tudo</translation>
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
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Copiar endereço do &amp;link</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Selecionar tudo</translation>
    </message>
</context>
<context>
    <name>RealtimeFeed</name>
    <message>
        <source>No heartbeat from the gateway for %1 s.</source>
        <translation>Nenhum sinal de vida do gateway por %1 s.</translation>
    </message>
    <message>
        <source>The realtime connection did not open in time.</source>
        <translation>A conexão em tempo real não abriu a tempo.</translation>
    </message>
    <message>
        <source>There is no gateway to subscribe to.</source>
        <translation>Não há gateway para assinar.</translation>
    </message>
    <message>
        <source>The gateway refused the realtime feed: %1</source>
        <translation>O gateway recusou o feed em tempo real: %1</translation>
    </message>
    <message>
        <source>The realtime connection closed (%1).</source>
        <translation>A conexão em tempo real foi fechada (%1).</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <source>Starting: not connected yet</source>
        <translation>Iniciando: ainda não conectada</translation>
    </message>
    <message>
        <source>Waiting for a QR code scan: not connected</source>
        <translation>Aguardando leitura do QR code: não conectada</translation>
    </message>
    <message>
        <source>Failed: not connected</source>
        <translation>Falhou: não conectada</translation>
    </message>
    <message>
        <source>Stopped: not connected</source>
        <translation>Parada: não conectada</translation>
    </message>
    <message>
        <source>Logged out of WhatsApp: not connected</source>
        <translation>Desconectada do WhatsApp: não conectada</translation>
    </message>
    <message>
        <source>Status unknown (added by id; this token cannot list sessions)</source>
        <translation>Status desconhecido (adicionada pelo ID; este token não lista sessões)</translation>
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
        <translation>&amp;Sessões</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessões</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Fetch this session&apos;s contacts, groups and members (Ctrl+R)</source>
        <translation>Buscar os contatos, grupos e membros desta sessão (Ctrl+R)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Perfil: %1</translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <source>Sign in to a gateway: no profile is chosen yet.</source>
        <translation>Entre em um gateway: nenhum perfil foi escolhido ainda.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;. Sign in to create it.</source>
        <translation>Não existe perfil chamado &quot;%1&quot;. Entre para criá-lo.</translation>
    </message>
    <message>
        <source>No token is stored for profile &quot;%1&quot; (or the keychain is locked). Sign in with a token.</source>
        <translation>Não há token guardado para o perfil &quot;%1&quot; (ou o chaveiro está bloqueado). Entre com um token.</translation>
    </message>
    <message>
        <source>The token stored for profile &quot;%1&quot; is unusable. Sign in with a new one.</source>
        <translation>O token guardado para o perfil &quot;%1&quot; não pode ser usado. Entre com um novo.</translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; has expired. Sign in with a new one.</source>
        <translation>O token do perfil &quot;%1&quot; expirou. Entre com um novo.</translation>
    </message>
    <message>
        <source>The gateway rejected the token of profile &quot;%1&quot; (401): it expired or was revoked. Sign in again.</source>
        <translation>O gateway recusou o token do perfil &quot;%1&quot; (401): ele expirou ou foi revogado. Entre novamente.</translation>
    </message>
    <message>
        <source>The keychain is not used in this run: type the token of profile &quot;%1&quot; again. It is kept in memory until the console quits.</source>
        <translation>O chaveiro não é usado nesta execução: digite de novo o token do perfil &quot;%1&quot;. Ele fica na memória até o console ser fechado.</translation>
    </message>
    <message>
        <source>The token of profile &quot;%1&quot; expired on %2. Sign in with a new one.</source>
        <translation>O token do perfil &quot;%1&quot; expirou em %2. Entre com um novo.</translation>
    </message>
    <message>
        <source>The JWT expired on %1; get a new one.</source>
        <translation>O JWT expirou em %1; obtenha um novo.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Já existe um perfil chamado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The profile was saved; another sign-in was started meanwhile.</source>
        <translation>O perfil foi salvo; enquanto isso, outra entrada foi iniciada.</translation>
    </message>
    <message>
        <source>No profile is signed in.</source>
        <translation>Nenhum perfil conectado.</translation>
    </message>
    <message>
        <source>You are still signed in; nothing was deleted.</source>
        <translation>Você continua conectado; nada foi excluído.</translation>
    </message>
    <message>
        <source>There is no local cache to delete.</source>
        <translation>Não há cache local para excluir.</translation>
    </message>
    <message>
        <source>Signed out, but the cached data of profile &quot;%1&quot; could not be deleted: %2</source>
        <translation>Você saiu, mas os dados em cache do perfil &quot;%1&quot; não puderam ser excluídos: %2</translation>
    </message>
    <message>
        <source>The cached data of profile &quot;%1&quot; was deleted.</source>
        <translation>Os dados em cache do perfil &quot;%1&quot; foram excluídos.</translation>
    </message>
    <message>
        <source>Sign in to a profile first.</source>
        <translation>Entre em um perfil primeiro.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to a gateway</source>
        <translation>Entrar em um gateway</translation>
    </message>
    <message>
        <source>Why sign-in is needed</source>
        <translation>Por que é preciso entrar</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nome do perfil:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nome do perfil</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>ex.: produção</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>&amp;URL do gateway:</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>URL do gateway</translation>
    </message>
    <message>
        <source>https://gateway.example.com</source>
        <translation>https://gateway.example.com</translation>
    </message>
    <message>
        <source>Gateway URL warning</source>
        <translation>Aviso sobre a URL do gateway</translation>
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
        <translation>Um JWT de login ou uma api-key, colado</translation>
    </message>
    <message>
        <source>JWT or api-key (wa_...)</source>
        <translation>JWT ou api-key (wa_...)</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>M&amp;ostrar</translation>
    </message>
    <message>
        <source>Show token</source>
        <translation>Mostrar token</translation>
    </message>
    <message>
        <source>Token details</source>
        <translation>Detalhes do token</translation>
    </message>
    <message>
        <source>Token warning</source>
        <translation>Aviso sobre o token</translation>
    </message>
    <message>
        <source>&amp;Session ids:</source>
        <translation>IDs de &amp;sessão:</translation>
    </message>
    <message>
        <source>Session ids</source>
        <translation>IDs de sessão</translation>
    </message>
    <message>
        <source>For tokens that cannot list sessions: session ids separated by spaces or commas</source>
        <translation>Para tokens que não listam sessões: IDs de sessão separados por espaços ou vírgulas</translation>
    </message>
    <message>
        <source>Only needed when the token cannot list sessions</source>
        <translation>Só é necessário se o token não listar sessões</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Verificar</translation>
    </message>
    <message>
        <source>Check the token</source>
        <translation>Verificar o token</translation>
    </message>
    <message>
        <source>Asks the gateway what the token can do</source>
        <translation>Pergunta ao gateway o que o token pode fazer</translation>
    </message>
    <message>
        <source>Check status</source>
        <translation>Status da verificação</translation>
    </message>
    <message>
        <source>What the token can do</source>
        <translation>O que o token pode fazer</translation>
    </message>
    <message>
        <source>Check asks the gateway what this token can do (it only reads, never changes anything).</source>
        <translation>Verificar pergunta ao gateway o que este token pode fazer (só lê, nunca altera nada).</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema ao entrar</translation>
    </message>
    <message>
        <source>&amp;Keep the token for this run only</source>
        <translation>&amp;Manter o token só nesta execução</translation>
    </message>
    <message>
        <source>Keep the token in memory for this run only</source>
        <translation>Manter o token na memória só nesta execução</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Entrar</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The keychain is not used in this run: the token is kept in memory until the console quits, and never written to a file.</source>
        <translation>O chaveiro não é usado nesta execução: o token fica na memória até o console ser fechado e nunca é gravado em arquivo.</translation>
    </message>
    <message>
        <source>Warning: this is plain http to %1, which is not this machine: the token would travel unencrypted. Use https unless the network is trusted.</source>
        <translation>Aviso: isto é http sem criptografia para %1, que não é esta máquina: o token trafegaria sem criptografia. Use https, a menos que a rede seja confiável.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; exists: signing in replaces its token.</source>
        <translation>O perfil &quot;%1&quot; já existe: entrar substitui o token dele.</translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation>Consultando o gateway…</translation>
    </message>
    <message>
        <source>The URL or token changed meanwhile: check again.</source>
        <translation>A URL ou o token mudou enquanto isso: verifique de novo.</translation>
    </message>
    <message>
        <source>Checked.</source>
        <translation>Verificado.</translation>
    </message>
    <message>
        <source>Check failed.</source>
        <translation>Falha na verificação.</translation>
    </message>
    <message>
        <source>You can keep the token in memory for this run only: it is never written to a file, and you will paste it again next time.</source>
        <translation>Você pode manter o token na memória só nesta execução: ele nunca é gravado em arquivo, e você vai colá-lo de novo na próxima vez.</translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation>Salvando o token…</translation>
    </message>
</context>
<context>
    <name>SignInStatus</name>
    <message>
        <source>Signed-in profile</source>
        <translation>Perfil conectado</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Perfil %1</translation>
    </message>
    <message>
        <source>Profile %1 — %2</source>
        <translation>Perfil %1 — %2</translation>
    </message>
    <message>
        <source> (token in memory only)</source>
        <translation> (token só na memória)</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Entrando em %1…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>Profile %1: sign-in needed</source>
        <translation>Perfil %1: é preciso entrar</translation>
    </message>
    <message>
        <source>Profile %1: the keychain is unavailable</source>
        <translation>Perfil %1: chaveiro indisponível</translation>
    </message>
</context>
<context>
    <name>SignInText</name>
    <message>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 horas</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dias</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>em %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>há %1</translation>
    </message>
    <message>
        <source>Not a usable token: %1</source>
        <translation>Não é um token utilizável: %1</translation>
    </message>
    <message>
        <source>An api-key (wa_...).</source>
        <translation>Uma api-key (wa_...).</translation>
    </message>
    <message>
        <source>An api-key.</source>
        <translation>Uma api-key.</translation>
    </message>
    <message>
        <source>What it may do was saved on it at the gateway: use Check to find out.</source>
        <translation>O que ela pode fazer foi definido nela no gateway: use Verificar para descobrir.</translation>
    </message>
    <message>
        <source>A login JWT (%1). Its claims are read here, not verified: only the gateway can verify them.</source>
        <translation>Um JWT de login (%1). As claims são lidas aqui, não verificadas: só o gateway pode verificá-las.</translation>
    </message>
    <message>
        <source>no algorithm</source>
        <translation>sem algoritmo</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>Organização: %1</translation>
    </message>
    <message>
        <source>none in the claims</source>
        <translation>nenhuma nas claims</translation>
    </message>
    <message>
        <source> (platform role %1)</source>
        <translation> (função na plataforma %1)</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Função: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Usuário: %1</translation>
    </message>
    <message>
        <source>Expired: %1 (%2)</source>
        <translation>Expirou: %1 (%2)</translation>
    </message>
    <message>
        <source>Expires: %1 (%2)</source>
        <translation>Expira: %1 (%2)</translation>
    </message>
    <message>
        <source>Expires: never (no &quot;exp&quot; claim)</source>
        <translation>Expira: nunca (sem a claim &quot;exp&quot;)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Observação: %1</translation>
    </message>
    <message>
        <source>api-key</source>
        <translation>api-key</translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation>organização %1</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>expirou %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expira %1</translation>
    </message>
    <message>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>Warning: this token has expired (%1). The gateway will reject it; get a new one.</source>
        <translation>Aviso: este token expirou (%1). O gateway vai recusá-lo; obtenha um novo.</translation>
    </message>
    <message>
        <source>Warning: this token expires within a day (%1, %2). You will have to sign in again then.</source>
        <translation>Aviso: este token expira em menos de um dia (%1, %2). Você terá de entrar novamente nesse momento.</translation>
    </message>
    <message>
        <source>The gateway rejected this token (401): it is wrong, expired or revoked.</source>
        <translation>O gateway recusou este token (401): ele está errado, expirou ou foi revogado.</translation>
    </message>
    <message>
        <source>The gateway could not be asked.</source>
        <translation>Não foi possível consultar o gateway.</translation>
    </message>
    <message>
        <source>This token can do nothing that was tried.</source>
        <translation>Este token não consegue fazer nada do que foi testado.</translation>
    </message>
    <message>
        <source>This token can: %1.</source>
        <translation>Este token pode: %1.</translation>
    </message>
    <message>
        <source>It cannot: %1.</source>
        <translation>Não pode: %1.</translation>
    </message>
    <message>
        <source>Not known yet: %1.</source>
        <translation>Ainda desconhecido: %1.</translation>
    </message>
    <message>
        <source>It cannot list sessions: type the session ids to use in &quot;Session ids&quot;; they are remembered for this profile.</source>
        <translation>Ele não lista sessões: digite os IDs de sessão a usar em &quot;IDs de sessão&quot;; eles ficam guardados neste perfil.</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>Sessões:</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sync progress</source>
        <translation>Progresso da sincronização</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Cancelar a sincronização</translation>
    </message>
    <message>
        <source>Offline: the gateway is unreachable; showing the cache</source>
        <translation>Offline: o gateway está inacessível; exibindo o cache</translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation>Sincronizando %1…</translation>
    </message>
    <message>
        <source>Syncing %1: %2 of %3</source>
        <translation>Sincronizando %1: %2 de %3</translation>
    </message>
    <message>
        <source>Syncing %1: %2</source>
        <translation>Sincronizando %1: %2</translation>
    </message>
    <message>
        <source>Synced %1 contacts, %2 groups</source>
        <translation>%1 contatos e %2 grupos sincronizados</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>Sincronização cancelada</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Falha na sincronização: %1</translation>
    </message>
    <message>
        <source>Sync not started: %1</source>
        <translation>Sincronização não iniciada: %1</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>error: </source>
        <translation>erro: </translation>
    </message>
    <message>
        <source>cannot open the cache %1: %2</source>
        <translation>não foi possível abrir o cache %1: %2</translation>
    </message>
    <message>
        <source>cannot list sessions: %1</source>
        <translation>não foi possível listar as sessões: %1</translation>
    </message>
    <message>
        <source>no session to sync: this token cannot list sessions; name one with --session</source>
        <translation>nenhuma sessão para sincronizar: este token não lista sessões; indique uma com --session</translation>
    </message>
    <message>
        <source>%1: a sync of this session is already running; skipped</source>
        <translation>%1: uma sincronização desta sessão já está em andamento; ignorada</translation>
    </message>
    <message>
        <source>Sync a profile&apos;s sessions into the local cache.</source>
        <translation>Sincroniza as sessões de um perfil no cache local.</translation>
    </message>
    <message>
        <source>The saved profile to use.</source>
        <translation>O perfil salvo a usar.</translation>
    </message>
    <message>
        <source>Sync only this session (repeatable).</source>
        <translation>Sincroniza só esta sessão (pode ser repetida).</translation>
    </message>
    <message>
        <source>Also fetch every contact&apos;s detail (one request each).</source>
        <translation>Busca também os detalhes de cada contato (uma requisição por contato).</translation>
    </message>
    <message>
        <source>Requests in flight at once (default 4).</source>
        <translation>Requisições simultâneas (padrão 4).</translation>
    </message>
    <message>
        <source>Request budget per minute (default: none).</source>
        <translation>Limite de requisições por minuto (padrão: nenhum).</translation>
    </message>
    <message>
        <source>--max-in-flight takes 1..16 and --requests-per-minute a number &gt;= 0</source>
        <translation>--max-in-flight aceita 1..16 e --requests-per-minute um número &gt;= 0</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argumento inesperado: %1</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>A deep sync needs the cache&apos;s reader.</source>
        <translation>Uma sincronização profunda precisa do leitor do cache.</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Sincronização cancelada.</translation>
    </message>
    <message>
        <source>The cache could not start a sync: %1</source>
        <translation>O cache não conseguiu iniciar uma sincronização: %1</translation>
    </message>
    <message>
        <source>Fetching contacts failed: %1</source>
        <translation>Falha ao buscar os contatos: %1</translation>
    </message>
    <message>
        <source>Storing contacts failed: %1</source>
        <translation>Falha ao gravar os contatos: %1</translation>
    </message>
    <message>
        <source>Finishing the contacts pass failed: %1</source>
        <translation>Falha ao concluir a etapa de contatos: %1</translation>
    </message>
    <message>
        <source>Fetching groups failed: %1</source>
        <translation>Falha ao buscar os grupos: %1</translation>
    </message>
    <message>
        <source>Storing groups failed: %1</source>
        <translation>Falha ao gravar os grupos: %1</translation>
    </message>
    <message>
        <source>Fetching group members failed: %1</source>
        <translation>Falha ao buscar os membros dos grupos: %1</translation>
    </message>
    <message>
        <source>Storing group members failed: %1</source>
        <translation>Falha ao gravar os membros dos grupos: %1</translation>
    </message>
    <message>
        <source>Finishing the members pass failed: %1</source>
        <translation>Falha ao concluir a etapa de membros: %1</translation>
    </message>
    <message>
        <source>Reading contacts back failed: %1</source>
        <translation>Falha ao reler os contatos: %1</translation>
    </message>
    <message>
        <source>Storing a contact&apos;s detail failed: %1</source>
        <translation>Falha ao gravar os detalhes de um contato: %1</translation>
    </message>
    <message>
        <source>Fetching a contact&apos;s detail failed: %1</source>
        <translation>Falha ao buscar os detalhes de um contato: %1</translation>
    </message>
    <message>
        <source>Synced %1 contacts, %2 groups and %3 memberships.</source>
        <translation>Sincronizados %1 contatos, %2 grupos e %3 participações.</translation>
    </message>
    <message>
        <source>%1 contact details.</source>
        <translation>%1 detalhes de contato.</translation>
    </message>
</context>
<context>
    <name>SyncJob</name>
    <message>
        <source>The cache cannot be opened: %1</source>
        <translation>O cache não pode ser aberto: %1</translation>
    </message>
    <message>
        <source>This session is already being synced (by another window or a terminal).</source>
        <translation>Esta sessão já está sendo sincronizada (por outra janela ou por um terminal).</translation>
    </message>
</context>
<context>
    <name>TokenInspector</name>
    <message>
        <source>it is empty</source>
        <translation>está vazio</translation>
    </message>
    <message>
        <source>it is not base64url text</source>
        <translation>não é texto base64url</translation>
    </message>
    <message>
        <source>its base64url length is impossible (cut short?)</source>
        <translation>o comprimento em base64url é impossível (cortado?)</translation>
    </message>
    <message>
        <source>it is not valid base64url</source>
        <translation>não é base64url válido</translation>
    </message>
    <message>
        <source>its JSON nests too deeply</source>
        <translation>o JSON tem aninhamento profundo demais</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>não é um objeto JSON</translation>
    </message>
    <message>
        <source>The token contains a space; paste only the token itself.</source>
        <translation>O token contém um espaço; cole apenas o token.</translation>
    </message>
    <message>
        <source>The token contains a line break; paste only the token itself.</source>
        <translation>O token contém uma quebra de linha; cole apenas o token.</translation>
    </message>
    <message>
        <source>The token contains a control character.</source>
        <translation>O token contém um caractere de controle.</translation>
    </message>
    <message>
        <source>The token contains a non-ASCII character; tokens are plain ASCII.</source>
        <translation>O token contém um caractere não ASCII; tokens são ASCII puro.</translation>
    </message>
    <message>
        <source>The token&apos;s expiry (exp) is out of range, so it is unknown.</source>
        <translation>A validade do token (exp) está fora do intervalo, então é desconhecida.</translation>
    </message>
    <message>
        <source>The token&apos;s expiry (exp) is not a number, so it is unknown.</source>
        <translation>A validade do token (exp) não é um número, então é desconhecida.</translation>
    </message>
    <message>
        <source>The token has no expiry (exp).</source>
        <translation>O token não tem validade (exp).</translation>
    </message>
    <message>
        <source>The JWT header names no signing algorithm; the gateway will reject it.</source>
        <translation>O cabeçalho do JWT não indica algoritmo de assinatura; o gateway vai recusá-lo.</translation>
    </message>
    <message>
        <source>The JWT is unsigned (alg &quot;none&quot;); the gateway will reject it.</source>
        <translation>O JWT não está assinado (alg &quot;none&quot;); o gateway vai recusá-lo.</translation>
    </message>
    <message>
        <source>The JWT is signed with %1; the gateway normally expects EdDSA, ES256 or RS256.</source>
        <translation>O JWT foi assinado com %1; o gateway normalmente espera EdDSA, ES256 ou RS256.</translation>
    </message>
    <message>
        <source>The JWT names no active organization (activeOrganizationId).</source>
        <translation>O JWT não indica uma organização ativa (activeOrganizationId).</translation>
    </message>
    <message>
        <source>The token is too large (%1 characters; at most %2).</source>
        <translation>O token é grande demais (%1 caracteres; no máximo %2).</translation>
    </message>
    <message>
        <source>No token was given.</source>
        <translation>Nenhum token foi informado.</translation>
    </message>
    <message>
        <source>Removed the &quot;Bearer&quot; prefix; only the token is kept.</source>
        <translation>O prefixo &quot;Bearer&quot; foi removido; só o token é mantido.</translation>
    </message>
    <message>
        <source>The JWT has no signature; the gateway will reject it.</source>
        <translation>O JWT não tem assinatura; o gateway vai recusá-lo.</translation>
    </message>
    <message>
        <source>It has three parts like a JWT, but its claims cannot be read: %1. Treated as an api-key.</source>
        <translation>Tem três partes como um JWT, mas as claims não podem ser lidas: %1. Tratado como api-key.</translation>
    </message>
    <message>
        <source>It has three parts like a JWT, but its header cannot be read: %1. Treated as an api-key.</source>
        <translation>Tem três partes como um JWT, mas o cabeçalho não pode ser lido: %1. Tratado como api-key.</translation>
    </message>
    <message>
        <source>It starts like a JWT but does not have three dot-separated parts; it may have been copied only in part.</source>
        <translation>Começa como um JWT, mas não tem três partes separadas por pontos; talvez tenha sido copiado só em parte.</translation>
    </message>
    <message>
        <source>It does not start with &quot;wa_&quot; as the gateway&apos;s api-keys do.</source>
        <translation>Não começa com &quot;wa_&quot;, como as api-keys do gateway.</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>Idioma &quot;%1&quot; desconhecido; escolha um destes: %2.</translation>
    </message>
</context>
<context>
    <name>WindowFrontEnd</name>
    <message>
        <source>The cache of %1 cannot be opened: %2</source>
        <translation>O cache de %1 não pode ser aberto: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Admin console for a multi-tenant WhatsApp gateway.</source>
        <translation>Console de administração para um gateway de WhatsApp multilocatário.</translation>
    </message>
    <message>
        <source>Interface language: %1 (default: the system&apos;s).</source>
        <translation>Idioma da interface: %1 (padrão: o do sistema).</translation>
    </message>
</context>
</TS>
