"""Spanish, with Mexican and Central American slang (la migra, el jale, la chota, la troca, el retén)."""

FORMS = {
    "agent": (
        "inmigrasion|imigracion|migrasion|inmigrasión|migra|la migra|migracion|inmigracion|los de inmigracion|"
        "los de la migra|agentes de inmigracion|oficiales de inmigracion|ice|la ice|los federales|federales|"
        "la pinche migra|migrantes no"
    ),
    "officer": (
        "agentes|agente|oficiales|oficial|hombres con chalecos|chalecos|uniformados|unos senores|unos tipos|"
        "unos hombres|dos hombres|encubiertos|de civil|placas"
    ),
    "police": (
        "polisia|pulicia|polis|policia|policias|la poli|poli|chota|la chota|jura|la jura|tombos|tombo|placa|"
        "la placa|sheriff|alguacil|patrulla|patrullero|patrulleros|puercos|cerdos|azules|federal de caminos"
    ),
    "door": "puerta|puertas|timbre|porton|la entrada",
    "home": (
        "casa|mi casa|la casa|hogar|apartamento|depa|departamento|traila|la traila|vivienda|cantón|canton|chante|"
        "mi chante|ventana|edificio|domicilio"
    ),
    "outside": (
        "afuera|fuera|enfrente|frente|estacionados|estacionado|camioneta|camionetas|la van|una van|esperando afuera"
    ),
    "knock": "toc*|golpe*|tumbar|aporre*|timbr*|gritando",
    "open": "abrir|abro|abra|abrirles|les abro|dejarlos entrar|dejarlos pasar|entrar|entraron|meterse|se meten",
    "warrant": (
        "papel|un papel|papel firmado|orden|orden judicial|orden de arresto|orden firmada|orden de cateo|"
        "firmada por un juez|i 205"
    ),
    "airport": (
        "revision secundaria|segunda revision|inspeccion secundaria|puerto de entrada|garita de tijuana|"
        "garita de san ysidro|san ysidro|garita de otay|puente internacional|aeropuerto|aeropuertos|terminal|"
        "aereopuerto|areopuerto|aeropueto|aterrizar|aterrizo|dulles"
    ),
    "flight": "vuelo|vole|volo|aterrice|aterrizo|aterrizamos|llegue|llego|llegando|avion|venia de|vengo de",
    "customs": (
        "aduana|aduanas|revision secundaria|segunda revision|cuarto|cuartito|inspeccion|puerto de entrada|"
        "control migratorio|cbp"
    ),
    "passport": "pasaporte|pasaportes",
    "border": "frontera|fronteriza|fronterizo|la linea|linea|garita|puente|cruzar|cruce|cruzando",
    "checkpoint": (
        "se subio la migra|se subieron|subio la migra|subieron al camion|subieron al autobus|revisando el autobus|"
        "revisando el camion|reten|retenes|puesto de control|puesto de revision|punto de control|control de carretera|"
        "garita|la revision|revision en la carretera|patrulla fronteriza|la border|border patrol|deportacion rapida|"
        "expulsion expedita"
    ),
    "road": "carretera|carreteras|autopista|freeway|camino|la calle de|highway|ruta|manejando a",
    "car": (
        "autobus|camion|bus|greyhound|amtrak|el tren|carro|coche|troca|trocona|auto|manejando|manejaba|manejar|"
        "conduciendo|conducir|vehiculo|camioneta|licencia|licencia de manejo|sin licencia|cajuela|maletero|multa|"
        "infraccion"
    ),
    "stop": (
        "mochila|revisar la mochila|esculcar|esculcaron|cachear|cachearon|revisarle|me pregunto si|me preguntaron si|"
        "pregunto si|preguntaron si|me pregunta si|preguntando si|paro|pararon|paró|me paro|me pararon|detuvo|"
        "me detuvo|me detuvieron|paraba|parando|detenerme|me pregunto|me preguntaron|me pidio|me pidieron|me pide|"
        "me revisaron|revisar|registrar|cateo|catearon|preguntando de donde|de donde soy|parada de trafico|"
        "me agarraron en la calle"
    ),
    "street": (
        "camino al trabajo|camino a la chamba|camino al jale|rumbo al trabajo|rumbo a la chamba|para la chamba|"
        "pa la chamba|pal jale|pa l jale|iba al trabajo|iba a trabajar|iba para el trabajo|bici|bicicleta|en la bici|"
        "en bici|calle|caminando|banqueta|acera|esquina|tienda|parque|estacionamiento|gasolinera|parada|home depot|"
        "mercado|super|parada del camion|lavanderia|metro|tren|supermercado|hacer el mandado|mandado|ir de compras"
    ),
    "papers": (
        "sin papel|sin documentos|sin estatus|papeles|sin papeles|documentos|indocumentado|indocumentada|ilegal|"
        "identificacion|id|mica|licencia|social|seguro social|pruebas|estatus"
    ),
    "taken": (
        "se llevaron|se lo llevaron|se la llevaron|llevaron|agarraron|agarro|lo agarro|la agarro|detuvieron|"
        "detenido|detenida|arrestaron|arrestado|arrestada|atraparon|pescaron|levantaron|apanaron|encerraron|"
        "encerrado|lo tienen|la tienen|preso|presa|desaparecio|no sabemos|nadie sabe|no aparece|la subio|"
        "lo subio|la subieron|lo subieron|no ha regresado|no regreso|no ha vuelto|no volvio|no ha llegado|"
        "no contesta|ya no contesta|no me contesta"
    ),
    "relative": (
        "esposo|esposa|marido|mujer|hijo|hija|hermano|hermana|mama|papa|apa|ama|jefa|jefe|mi viejo|mi vieja|primo|"
        "prima|tio|tia|sobrino|sobrina|abuelo|abuela|novio|novia|pareja|amigo|amiga|vecino|vecina|compadre|comadre|"
        "cunado|cunada|suegro|suegra|alguien|familiar|carnal|compa"
    ),
    "find": (
        "encontrar|encuentro|buscar|busco|buscando|localizar|donde esta|donde lo tienen|donde la tienen|a donde|"
        "adonde|donde se lo llevaron|en que carcel|en que centro|numero a|numero de extranjero|localizador|"
        "saber donde"
    ),
    "detention": (
        "centro de detencion|detencion|detenidos|custodia|corralon|hielera|la hielera|perrera|lo trasladaron|"
        "transferido|trasladado"
    ),
    "bond": "fianza|fianzas|bono|bond|sacarlo|sacarla|sacar a|salir bajo fianza",
    "jail": (
        "carcel|carceles|prision|bote|el bote|tambo|el tambo|cana|la cana|condado|carcel del condado|cargos|"
        "caso criminal|dui|manejar borracho|defensor publico"
    ),
    "hold": (
        "para ice|para la migra|para inmigracion|hold|detainer|detener para ice|retencion|orden de retencion|"
        "candado|287g|287 g|48 horas|entregar a ice|lo entregan a migracion|pasarlo a migracion|i 247|"
        "no lo sueltan|no la sueltan|entregar a inmigracion|lo van a entregar|la van a entregar|lo retengan|"
        "la retengan|retenerlo|cumplio su tiempo"
    ),
    "release": "salga|salir|sale|soltar|lo sueltan|libera*|cumplir su condena",
    "emergency": (
        "choque|choco|me chocaron|chocaron mi carro|atropell*|poner una queja|poner un reporte|levantar un reporte|"
        "levantar una denuncia|911|emergencia|ambulancia|llamar a la policia|llamo a la policia|llamar a los policias|"
        "reportar|denunciar|denuncia|poner una denuncia|hacer un reporte|convulsionando|convulsion|ataque al corazon|"
        "infarto|sangrando|accidente"
    ),
    "crime": (
        "me pega|me golpea|golpea|golpeo|pegar|violencia|violencia domestica|abus*|asalt*|robo|robaron|"
        "me robaron|amenaz*|ataca*|me lastima|victima|delito|crimen|estafa*|fraude|visa u|visa t|acosando|"
        "acoso|me acosa|orden de restriccion|orden de proteccion"
    ),
    "lawyer": (
        "notaria|notarios|abogao|avogado|abogada|abogado de migrasion|abogado|abogados|licenciado|licenciada|el lic|"
        "ayuda legal|asesoria legal|consulta legal|notario|asesor|representacion legal|defensor|servicios legales"
    ),
    "free": "gratis|gratuito|gratuita|barato|barata|sin costo|que no cobre|no cobre|no tengo dinero|economico",
    "organization": (
        "organizacion|organizaciones|grupo|grupos|linea de ayuda|a quien llamo|a quien puedo llamar|"
        "numero para llamar|recursos|cerca de mi|en mi estado|en mi area"
    ),
    "volunteer": (
        "unirme|unirse|sumarme|voluntari*|donar|donacion*|involucrarme|involucrar*|organizar*|protest*|marcha|"
        "manifestacion|activis*|aliado|aliados|respuesta rapida|acompanar|vigilia|legisladores|santuario|peticion|"
        "abogar|red de respuesta|red de respuesta rapida|red de apoyo|observador|observador legal|observadores|"
        "entrenamiento|capacitacion|me entreno|entrenarme|capacitarme"
    ),
    "help_others": (
        "apoyar a familias|apoyar a las familias|apoyar a los inmigrantes|ayudar a familias|"
        "ayudar a los inmigrantes|familias inmigrantes|ayudar a inmigrantes|ayudar a mi comunidad|"
        "ayudar a la comunidad|ayudar a otros|ayudar a las familias|proteger a las familias|mi comunidad|"
        "la comunidad|nuestra comunidad|como puedo ayudar|como ayudo|hacer algo|apoyar a"
    ),
    "citizen": "ciudadano|ciudadana|ciudadanos|nacido aqui|naci aqui",
    "children": (
        "hijos|ninos|nenes|chamacos|chiquillos|plebes|morros|bebe|bebes|menores|mis hijos|los ninos|chavos|"
        "escuincles|cipotes|patojos|guaguas"
    ),
    "care": (
        "cuidar|cuide|cuidara|cuidado de|quien se queda|se queda con|quedarse con|recoger a|recoja|custodia de|"
        "tutor|tutela|guardian|quien los cuida|quien cuida"
    ),
    "plan": (
        "plan|planear|preparar*|preparad*|por si acaso|por si|en caso de|carta poder|poder notarial|"
        "actas de nacimiento|acta de nacimiento|papeles importantes|dejarle|dejar a|numeros de memoria|de memoria"
    ),
    "if": "si me|si nos|si la migra|si ice|si yo|si a mi|si mi|en caso de|que pasa si|por si",
    "deport": "deport*|me deportan|deportacion|expuls*|me sacan del pais|me echan|remocion|orden de deportacion",
    "court": (
        "que papeles llevo|que documentos llevo|que tengo que llevar|que debo llevar|que llevo a la corte|"
        "arrestan en la corte|arrestan ahi mismo|en los pasillos|notice to appear|nta|aviso de comparecencia|"
        "notificacion de comparecencia|corte de inmigracion|corte|cortes|audiencia|audiencias|tribunal|juzgado|"
        "cita en la corte|fecha de corte|eoir|la corte de inmigracion"
    ),
    "judge": "juez|jueza|jueces",
    "checkin": (
        "cita|citas|reportarme|presentarme|firmar|firma con ice|cita con ice|oficina de ice|grillete|brazalete|"
        "isap|supervision|reportarse"
    ),
    "missed": (
        "que pasa si no voy|que pasa si no me presento|que pasa si falto|si no voy|si no me presento|si falto|"
        "no me presente|no voy a ir|perdi|se me paso|falte|no fui|no pude ir|olvide|llegue tarde"
    ),
    "school": (
        "escuela|escuelas|colegio|primaria|secundaria|preparatoria|prepa|guarderia|kinder|maestra|maestro|universidad"
    ),
    "church": "iglesia|iglesias|templo|misa|parroquia|capilla|mezquita|pastor|padre de la iglesia",
    "hospital": ("hospital|hospitales|clinica|clinicas|doctor|medico|sala de emergencias|emergencias|centro de salud"),
    "work": (
        "chamba|la chamba|el jale|trabajo|jale|chambear|fabrica|planta|empacadora|bodega|campo|rancho|construccion|"
        "obra|restaurante|cocina|lavado de carros|car wash|patron|jefe del trabajo|mayordomo|i 9"
    ),
    "raid": (
        "cayo la migra|cayeron|le cayo la migra|cayo inmigracion|se llevaron a un buen|un buen de compas|"
        "se llevaron a varios|se llevaron a todos|se llevaron a muchos|agarraron a varios|"
        "levantaron a varios|redada|redadas|operativo|operativos|batida|barrida|razzia|agarrando gente|"
        "llevandose gente|deteniendo gente|agarrando a la gente|levantando gente"
    ),
    "status": (
        "negar la ciudadania|quitar la residencia|quitarme la residencia|quitarme la green card|quitar la green card|"
        "naturalizarme|sacar licencia|sacar la licencia|sacar mi licencia|sacar licencia de manejo|asilo pendiente|"
        "caso pendiente|aplicar pa la ciudadania|sacar la ciudadania|hacerme ciudadano|permiso para trabajar|"
        "autorizacion de empleo|green card|tarjeta verde|residencia|residente|tps|daca|dreamer|visa|visas|parole|"
        "permiso humanitario|asilo|asilado|refugiado|permiso de trabajo|estatus|ciudadania|naturalizacion|uscis"
    ),
    "expire": (
        "se me vencio|se vencio|bencio|se me bencio|vencido|se me acabo|vence|vencer|vencio|vencida|se me vence|"
        "renovar|renovacion|extender|se acaba|terminar|termina|cancelaron|cancelan|revocaron|quitaron"
    ),
    "travel": (
        "viajar|viaje|salir del pais|ir a mexico|ir a guatemala|ir a mi pais|visitar|mucho tiempo|meses|"
        "un ano|vacaciones|viajar en avion|viajar dentro"
    ),
    "register": "registrar*|registro|inscribirse|huellas",
    "phone": "celular|telefono|cel",
    "greet": "hola|buenos dias|buenas tardes|buenas noches|buenas|que tal|como esta|como estas|que onda|saludos",
    "thanks": "gracias|muchas gracias|mil gracias|adios|bye",
    "now": "ahora|ahorita|ahora mismo|ya|urgente|rapido|auxilio|socorro|ayuda|ayudenme|por favor|miedo|panico",
    "apply": (
        "hacerme ciudadana|hacer ciudadana|hacer ciudadano|hacerme ciudadano|volverme ciudadano|volverme ciudadana|"
        "pedir la ciudadania|aplicar a la ciudadania|aplicar para la ciudadania|solicitar|aplicar|pedir asilo|"
        "meter papeles|tramitar|tramite"
    ),
    "laugh": "jaja|jajaja|jajajaja|jeje|jejeje|jsjs|xd",
    "offtopic": (
        "busco trabajo|buscando trabajo|necesito trabajo|necesito un trabajo|necesito chamba|busco chamba|"
        "busco jale|ofertas de trabajo|aprender ingles|clases de ingles"
    ),
    "duty": "me toca|nos toca|le toca|te toca|les toca",
    "meta": (
        "como funciona esto|como funciona|esto es gratis|es gratis|quien eres|quien es|que es esto|eres un robot|"
        "cuanto cuesta esto|numero equivocado|me equivoque de numero"
    ),
    "film": (
        "grabar|grabarlos|grabarla|grabarlo|grabando|grabe|grabo|grabacion|filmar|filmarlos|filmando|filme|tomar video|"
        "sacar video|hacer video|un video de|videos de|en vivo|transmitir en vivo|transmision en vivo|facebook live|"
        "sacar fotos|tomar fotos|tomarles fotos|con mi celular|con el celular|camara"
    ),
    "warn_others": (
        "a quien le aviso|a quien aviso|avisarle a la comunidad|avisar a la comunidad|le aviso|les aviso|"
        "avisarle a la gente|avisar a los vecinos|avisar a la raza|alertar|alertar a|alerta|alertas|correr la voz|"
        "pasar la voz|pasar el dato|que la raza sepa|la raza sepa|para que sepan|pa que sepan|pa que la raza|"
        "para que la gente sepa|reportar a la migra|reportar donde|avistamiento|avistamientos|vi a la migra|"
        "vimos a la migra|anda la migra|andan la migra|anda la migra en|linea de respuesta rapida|red de alerta|"
        "grupo de whatsapp|chat del barrio|cadena de mensajes"
    ),
    "abuse": (
        "me pega|me pego|me golpea|me golpeo|me golpean|me madrea|me madreo|me putea|me cachetea|me cacheteo|me ahorca|"
        "me ahorco|me ahogo|me estrangula|me empuja|me empujo|me patea|me pateo|me amenaza|me amenazo|"
        "amenaza con matarme|me quiere matar|me maltrata|maltrato|violencia domestica|violencia intrafamiliar|"
        "me encerro|no me deja salir|me quito el celular|me rompio el celular|dice que me va a deportar|"
        "me va a echar a la migra|me amenaza con la migra|llamarle a la migra"
    ),
    "report_me": (
        "me reportan|reportarme|me reporta|me denuncian|denunciarme|llaman a migracion|llaman a la migra|"
        "avisan a migracion|le avisan a inmigracion"
    ),
    "when": "el mes que entra|la semana que entra|el ano que entra|que entra",
    "asking_for": "preguntando por|buscando a",
    "scam": (
        "notaria|una notaria|desaparecio con|se fue con mi dinero|se llevo mi dinero|me quito el dinero|que no me robe|"
        "no me robe|me robo el dinero|me cobro y|me estafo|estafa*|fraude|nunca metio nada|abogado de verdad"
    ),
    "safe": "seguro ir|es seguro ir|seguro salir|es seguro salir",
    "not_about": "no pregunto por|no es sobre|no pregunto sobre",
}
