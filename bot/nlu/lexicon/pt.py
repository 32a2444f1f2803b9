"""Portuguese, Brazilian and colloquial (tá, tô, cadê, pra, a federal, os gambé)."""

FORMS = {
    "agent": (
        "imigracao|a imigracao|os da imigracao|agentes da imigracao|ice|federais|a federal|policia federal|"
        "oficiais de imigracao"
    ),
    "officer": (
        "agentes|agente|oficiais|oficial|homens de colete|coletes|uns caras|dois caras|uns homens|fardados|"
        "a paisana|distintivo"
    ),
    "police": "policia|policial|policiais|pm|os pm|gambe|os gambe|homens|viatura|xerife|cana|guarda",
    "door": "porta|portas|campainha|portao",
    "home": "casa|minha casa|lar|apartamento|ape|predio|janela|kitnet|quintal",
    "outside": "fora|la fora|aqui fora|na frente|em frente|estacionad*|van|carro parado|esperando",
    "knock": "bate*|bater|bateram|batendo|esmurr*|toca*|tocando a campainha",
    "open": "abrir|abro|abra|deixar entrar|entrar|entraram|invadir|invadiram",
    "warrant": "mandado|mandado judicial|ordem judicial|ordem do juiz|assinado por um juiz|i 205",
    "airport": (
        "inspecao secundaria|segunda inspecao|porto de entrada|newark airport|aeroporto de newark|aeroporto|aeroportos|"
        "aeroport|terminal|guarulhos|logan|desembarque"
    ),
    "flight": "voo|voei|chegou|cheguei|chegando|pousou|pousei|aviao|vindo de|vim de",
    "customs": (
        "alfandega|inspecao|inspecao secundaria|salinha|sala|sala separada|controle de imigracao|cbp|entrada no pais"
    ),
    "passport": "passaporte|passaportes",
    "border": "fronteira|fronteiras|travessia|atravessar",
    "checkpoint": (
        "posto da imigracao|posto de imigracao|posto da patrulha|barreira da imigracao|subindo no onibus|"
        "subiram no onibus|entraram no onibus|barreira|blitz|posto de controle|ponto de controle|posto de fiscalizacao|"
        "patrulha da fronteira|patrulha de fronteira|checkpoint|remocao acelerada|deportacao rapida"
    ),
    "road": "estrada|rodovia|highway|autoestrada|pista",
    "car": (
        "onibus|greyhound|amtrak|trem|carro|dirigindo|dirigir|motorista|carteira de motorista|carta de motorista|"
        "carta de conducao|habilitacao|cnh|veiculo|porta malas|multa|uber"
    ),
    "stop": (
        "perguntou se|perguntaram se|pergunta se|perguntou se eu|me perguntou se|perguntando se|parou|pararam|"
        "me parou|me pararam|parado|abordado|abordada|abordagem|enquadr*|me perguntou|me perguntaram|pediu|pediram|"
        "revistar|revistaram|revista|querem revistar|de onde eu sou"
    ),
    "street": (
        "rua|na rua|calcada|esquina|loja|mercado|parque|estacionamento|posto de gasolina|ponto de onibus|"
        "supermercado|fazer compras"
    ),
    "papers": (
        "sem papel|sem papeis|sem status|documento|documentos|papeis|sem documento|sem documentos|indocumentado|ilegal|"
        "identidade|rg|carteira|green card|status"
    ),
    "taken": (
        "levaram|levou|pegaram|pegou|prenderam|preso|presa|detido|detida|deteve|detiveram|capturado|sumiu|"
        "ninguem sabe|nao sabemos|nao sei onde|colocar ela|colocaram ela|colocaram ele|colocar ele|"
        "nao voltou|nunca voltou|ainda nao voltou|nao atende|nao atende mais"
    ),
    "relative": (
        "marido|esposa|mulher|esposo|filho|filha|irmao|irma|mae|pai|primo|prima|tio|tia|sobrinho|sobrinha|avo|"
        "namorado|namorada|amigo|amiga|vizinho|vizinha|cunhado|cunhada|alguem|parente|mano|mina"
    ),
    "find": (
        "achar|acho|encontrar|procurar|procuro|localizar|onde ele esta|onde ela esta|onde esta|cade|pra onde|"
        "para onde|qual centro|qual prisao|numero a|localizador|descobrir onde|onde ele ta|onde ela ta"
    ),
    "detention": "centro de detencao|detencao|custodia|transferido|transferida",
    "bond": "fianca|bond|tirar ele|tirar ela|soltar|pagar fianca",
    "jail": "cadeia|prisao|presidio|xadrez|xilindro|cana|condado|delegacia|processo criminal|dui",
    "hold": (
        "pro ice|para o ice|pra imigracao|hold|detainer|pedido pra segurar|pedido para segurar|segurar ele|"
        "segurar ela|reter|retencao|287g|48 horas|entregar pro ice|entregar para o ice|nao soltam|"
        "entregue pra imigracao|entregar pra imigracao|entregue para a imigracao"
    ),
    "release": "solto|solta|soltar|sair|sai|libertad*|liberad*",
    "emergency": (
        "dar queixa|prestar queixa|fazer queixa|registrar queixa|queixa|fazer um boletim|fazer bo|boletim|b o|"
        "ligar pro 911|ligar pra 911|ligar pro nove um um|bateram no meu carro|bateu no meu carro|bateram no carro|"
        "bateu no carro|bateram na traseira|batida de carro|acidente|acidente de carro|911|emergencia|ambulancia|"
        "chamar a policia|ligar pra policia|ligar para a policia|denunciar|denuncia|boletim de ocorrencia|"
        "registrar queixa"
    ),
    "crime": (
        "me bate|bate em mim|apanhei|agressao|agredid*|violencia|violencia domestica|abus*|assalt*|roub*|"
        "furt*|ameac*|vitima|crime|golpe|fraude|visto u|visto t|perseguindo|me persegue|medida protetiva|"
        "ameacando"
    ),
    "lawyer": (
        "advogado|advogada|advogados|ajuda juridica|ajuda legal|assessoria juridica|defensor|defensoria|notario|"
        "consultor"
    ),
    "free": "gratis|gratuito|gratuita|barato|barata|sem custo|de graca|nao tenho dinheiro",
    "organization": (
        "organizacao|organizacoes|grupo|grupos|ong|linha de ajuda|pra quem ligo|para quem ligar|recursos|"
        "perto de mim|no meu estado"
    ),
    "volunteer": (
        "me organizar|se organizar|entrar na rede|participar da rede|ser voluntaria|ser voluntario|"
        "rede de resposta rapida|resposta rapida|entrar numa rede|entro numa rede|participar de um grupo|voluntari*|"
        "doar|doacao|doacoes|me envolver|envolver|organizar|protest*|manifestacao|passeata|ativis*|aliado|vigilia|"
        "legisladores|santuario|abaixo assinado"
    ),
    "help_others": (
        "quero ajudar|pra ajudar da proxima vez|ajudar da proxima vez|ajudar os vizinhos|ajudar as pessoas|"
        "pras familias|ajudar minha comunidade|minha comunidade|ajudar a comunidade|ajudar os imigrantes|"
        "ajudar imigrantes|ajudar a minha comunidade|familias imigrantes|ajudar outros|ajudar as familias|"
        "proteger as familias|nossa comunidade|a comunidade|como posso ajudar|fazer alguma coisa|apoiar"
    ),
    "citizen": "cidadao|cidada|cidadaos|nascido aqui|nasceu aqui",
    "children": "filhos|criancas|crianca|bebe|meus filhos|as criancas|menores|molecada|pequenos",
    "care": (
        "cuidar|cuida|cuidaria|fica com|ficar com|quem fica|buscar na escola|pegar na escola|guarda|tutor|tutela|"
        "responsavel"
    ),
    "plan": (
        "plano|planejar|preparar|preparad*|caso eu|caso me|por via das duvidas|procuracao|certidao de nascimento|"
        "certidoes|papeis importantes|deixar com|de cor|decorar"
    ),
    "if": "se eu|se me prenderem|se me pegarem|se for|caso eu|caso me|e se|o que acontece se",
    "deport": "deport*|expuls*|mandar de volta|me mandam embora|remocao",
    "court": (
        "que documentos levo|que papeis levo|o que levar|o que eu levo|notice to appear|nta|aviso para comparecer|"
        "notificacao para comparecer|intimacao|corte de imigracao|tribunal|corte|audiencia|audiencias|juizado|"
        "data da audiencia|eoir"
    ),
    "judge": "juiz|juiza",
    "checkin": (
        "check in|me apresentar|apresentacao|assinar no ice|comparecer|escritorio do ice|tornozeleira|isap|"
        "consulta marcada|agendamento"
    ),
    "missed": "perdi|faltei|nao fui|nao consegui ir|esqueci",
    "school": "escola|escolas|colegio|creche|faculdade|universidade|professora|professor",
    "church": "igreja|igrejas|templo|missa|culto|pastor|padre|mesquita",
    "hospital": "hospital|hospitais|clinica|posto de saude|pronto socorro|medico|emergencia do hospital",
    "work": (
        "trabalhar|pediu os i 9|pediram os i 9|documentos dos funcionarios|papeis dos funcionarios|trabalho|trampo|"
        "servico|obra|fabrica|firma|empresa|restaurante|cozinha|limpeza|patrao|chefe|construcao|lava jato|i 9"
    ),
    "raid": (
        "levaram uns colegas|levaram varios|levaram os trabalhadores|prenderam varios|pegaram varios|batida|"
        "batidas|operacao|operacoes|blitz no trabalho|varredura|incursao|prendendo gente|pegando gente|"
        "prendendo pessoas|pegando as pessoas"
    ),
    "status": (
        "tirar carteira de motorista|tirar a carteira de motorista|tirar carteira|tirar a cnh|tirar habilitacao|"
        "asilo pendente|asilo ta pendente|asilo esta pendente|pedido de asilo|pedir a cidadania|tirar a cidadania|"
        "virar cidadao|permissao pra trabalhar|autorizacao de trabalho|autorizacao pra trabalhar|green card|"
        "cartao verde|residencia|residente|tps|daca|visto|vistos|parole|asilo|refugiado|permissao de trabalho|status|"
        "cidadania|naturalizacao|uscis"
    ),
    "expire": (
        "vence|vencer|venceu|vencido|renovar|renovacao|acabar|vai acabar|acaba|termina|terminar|cancelaram|"
        "cancelar|revogaram"
    ),
    "travel": "viajar|viagem|sair do pais|ir pro brasil|ir para o brasil|visitar|muito tempo|meses|um ano|ferias",
    "register": "registr*|cadastr*|digitais",
    "phone": "celular|telefone|zap",
    "greet": "oi|ola|bom dia|boa tarde|boa noite|tudo bem|tudo bom|e ai|salve",
    "thanks": "obrigado|obrigada|valeu|brigado|brigada|tchau",
    "now": "agora|agora mesmo|ja|urgente|rapido|socorro|ajuda|me ajuda|medo|por favor",
    "apply": "pedir|solicitar|aplicar|dar entrada",
    "laugh": "kkk|kkkk|kkkkk|kkkkkk|rsrs|rs|haha",
    "offtopic": (
        "preciso de um emprego|preciso de emprego|procuro emprego|procurando emprego|preciso de trabalho|"
        "procuro trabalho|aprender ingles|aulas de ingles"
    ),
    "meta": (
        "como funciona isso|como funciona|isso e de graca|e de graca|e gratis|quem e voce|o que e isso|numero errado"
    ),
    "film": (
        "filmar|filmando|filmei|filma|filmo|gravar|gravando|gravei|gravo|gravacao|fazer video|fazer um video|"
        "um video de|video deles|ao vivo|fazer live|uma live|transmitir|postar|postei|postar o video|tirar foto|"
        "tirar fotos|fotografar|com meu celular|com o celular|camera"
    ),
    "warn_others": (
        "avisar a comunidade|avisar geral|avisar os vizinhos|avisar a galera|avisar o pessoal|avisar todo mundo|"
        "alertar|alerta|alertas|rede de alerta|galera ficar ligada|pessoal ficar ligado|ficar ligad*|ficar esperto|"
        "espalhar|espalhar a noticia|passar a informacao|passar a visao|vi o ice|vimos o ice|vi a imigracao|"
        "avistamento|avistei|grupo do zap|grupo do whatsapp|linha de resposta rapida|pra todo mundo saber|"
        "pra galera saber"
    ),
    "abuse": (
        "me bate|me bateu|bate em mim|me agride|me agrediu|me espanca|me espancou|espancad*|me enforca|me enforcou|"
        "me sufoca|me sufocou|me estrangul*|me empurra|me empurrou|me chuta|me chutou|me ameaca|me ameacou|"
        "ameaca me matar|quer me matar|me maltrata|maus tratos|violencia domestica|lei maria da penha|me trancou|"
        "me tranca|nao me deixa sair|quebrou meu celular|diz que vai me deportar|ameaca chamar a imigracao|"
        "chamar o ice pra mim"
    ),
    "report_me": (
        "me denunciar|me denunciam|denunciam|avisam a imigracao|chamam a imigracao|chamar a imigracao|me entregar"
    ),
    "asking_for": "perguntando por|procurando",
    "scam": "golpe|golpista|fraude|advogado de verdade",
    "safe": (
        "seguro levar|e seguro levar|perigoso levar|arriscado ir|arriscado levar|seguro ir|e seguro ir|seguro sair|"
        "perigoso ir"
    ),
    "not_about": "nao e sobre|nao to perguntando sobre|nao estou perguntando sobre",
}
