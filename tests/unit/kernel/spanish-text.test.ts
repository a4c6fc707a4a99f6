import { describe, expect, it } from 'vitest'
import { analyzeSpanish, asksAfterReaction, asksQuestion, canonicalEmoji, collapseRepeats, foldSpanish, isKeyboardMash } from '../../../src/main/kernel/spanish-text'

const normalized = (text: string): string => analyzeSpanish(text).normalized

describe('foldSpanish', () => {
  it('lowercases and strips accents and diaeresis', () => {
    expect(foldSpanish('ÁÉÍÓÚ Cuánto ENVÍO pingüino')).toBe('aeiou cuanto envio pinguino')
  })

  it('keeps ñ, which changes the word ("año" is not "ano")', () => {
    expect(foldSpanish('Año MAÑANA Ñoño')).toBe('año mañana ñoño')
  })

  it('folds decomposed input (combining accents) the same as precomposed', () => {
    expect(foldSpanish('envi\u0301o man\u0303ana')).toBe('envio mañana')
  })
})

describe('collapseRepeats', () => {
  it.each([
    ['siiii', 'si'],
    ['graciaaas', 'gracias'],
    ['nooo', 'no'],
    ['noo', 'no'],
    ['okk', 'ok'],
    ['holaa', 'hola'],
    ['excelenteeee', 'excelente'],
    ['muuuuy', 'muy'],
  ])('%s → %s', (input, expected) => {
    expect(collapseRepeats(input)).toBe(expected)
  })

  it('keeps legitimate doubles: Spanish words and the loanwords shops use (app, off)', () => {
    for (const word of ['lee', 'cree', 'llamar', 'carro', 'accion', 'calle', 'app', 'off']) expect(collapseRepeats(word)).toBe(word)
  })
})

describe('analyzeSpanish: normalized text', () => {
  it.each([
    // que / porque / por
    ['q', 'que'],
    ['k?', 'que ?'],
    ['xq', 'porque'],
    ['pq', 'porque'],
    ['porq no', 'porque no'],
    ['x favor', 'por favor'],
    ['x nequi', 'por nequi'],
    // abbreviations
    ['tmb', 'tambien'],
    ['tb', 'tambien'],
    ['dnd queda', 'donde queda'],
    ['ta bn', 'esta bien'],
    ['xfa', 'por favor'],
    ['porfa', 'por favor'],
    ['info', 'informacion'],
    ['nose', 'no se'],
    ['kiero', 'quiero'],
    // price phrasings become one token
    ['cuánto vale?', 'precio ?'],
    ['cuanto sale el curso', 'precio el curso'],
    ['q precio tiene', 'precio tiene'],
    ['cuánto cuesta', 'precio'],
    ['¿cuánto me cobrás?', 'precio ?'],
    ['a cómo está el parlante', 'precio el parlante'],
    ['me regala el precio', 'dame el precio'],
    // agreement
    ['ok', 'ok'],
    ['oki', 'ok'],
    ['okis', 'ok'],
    ['okey', 'ok'],
    ['okiiis', 'ok'],
    ['vale', 'ok'],
    ['vale gracias', 'ok gracias'],
    ['dale', 'dale'],
    ['hágale', 'dale'],
    ['de una', 'dale'],
    ['de una, lo quiero', 'dale lo quiero'],
    ['listo', 'listo'],
    ['listooo', 'listo'],
    ['sisas', 'si'],
    ['va pues', 'ok pues'],
    // purchase phrasing: clitic gender folded so one rule covers all
    ['me lo llevo', 'me lo llevo'],
    ['me la llevo', 'me lo llevo'],
    ['los quiero', 'lo quiero'],
    ['lo quiero', 'lo quiero'],
    // refusals
    ['nop', 'no'],
    ['nel', 'no'],
    ['nah', 'no'],
    ['na que ver', 'nada que ver'],
    // voseo and ustedeo
    ['¿Tenés fotos?', 'tienes fotos ?'],
    ['mostrame', 'muestrame'],
    ['mándeme el link', 'mandame el link'],
    // Spain's vosotros reads as ustedes
    ['¿Tenéis fotos?', 'tienen fotos ?'],
    ['¿cuánto me cobráis?', 'precio ?'],
    ['¿os queda alguno?', 'les queda alguno ?'],
    ['mandadme el enlace', 'mandenme el enlace'],
    // a letter dropped, "ll" typed as it sounds (fourteenth session)
    ['cuanto cueta', 'precio'],
    ['ke dia yega', 'que dia llega'],
    ['me lo yevo', 'me lo llevo'],
    // two letters swapped (fifteenth session)
    ['quiero compar unos audifonos', 'quiero comprar unos audifonos'],
    // laughter and hesitation
    ['jajajaja', 'jaja'],
    ['xD', 'jaja'],
    ['mmm', 'hmm'],
  ])('%s → %s', (input, expected) => {
    expect(normalized(input)).toBe(expected)
  })

  it('does not rewrite the same words where they mean something else', () => {
    expect(normalized('vale la pena')).toBe('vale la pena')
    expect(normalized('más de una semana')).toBe('mas de una semana')
    expect(normalized('por el precio de 1')).toBe('por el precio de 1')
    expect(normalized('va a llegar')).toBe('va a llegar')
    expect(normalized('¿cuánto tiempo dura?')).toBe('cuanto tiempo dura ?')
  })

  it('collapses punctuation and whitespace; keeps ? and ! as single marks', () => {
    expect(normalized('  ¿¿Hola???   ¡¡Qué   bien!!!  ')).toBe('hola ? que bien !')
    expect(normalized('no,gracias...')).toBe('no gracias')
  })

  it('keeps emojis as tokens, without skin tone or presentation selector', () => {
    expect(normalized('Genial 😍👍🏽❤️')).toBe('genial 😍 👍 ❤')
    expect(normalized('🇨🇴 👍🏿')).toBe('🇨🇴 👍')
  })

  it('turns emoticons into the emoji they stand for', () => {
    expect(normalized('gracias :) <3')).toBe('gracias 🙂 ❤')
    expect(normalized('ok :(')).toBe('ok 🙁')
  })

  it('matches regardless of accents, case and shouting', () => {
    expect(normalized('SÍ')).toBe(normalized('si'))
    expect(normalized('NO ME GUSTA')).toBe(normalized('no me gusta'))
    expect(normalized('Envío')).toBe(normalized('envio'))
  })

  it('keeps thousands separators inside a number', () => {
    expect(normalized('$89.000')).toBe('89.000')
  })
})

describe('analyzeSpanish', () => {
  it('splits clauses at punctuation and at "pero", so scopes stay local', () => {
    const a = analyzeSpanish('no, gracias pero está muy caro')
    expect(a.words).toEqual(['no', 'gracias', 'pero', 'esta', 'muy', 'caro'])
    expect(a.clauseOf).toEqual([0, 1, 2, 2, 2, 2])
  })

  it('ends a clause at an emoji, which in a chat stands where a full stop would', () => {
    const a = analyzeSpanish('buenísimo 🔥 pásame foto')
    expect(a.clauseOf).toEqual([0, 1, 1])
    expect(analyzeSpanish('🔥🔥 buenísimo').clauseOf).toEqual([0])
  })

  it('ends a clause after a bare "no" or "sí" spelled as an answer, which is said with a pause', () => {
    expect(analyzeSpanish('nah muy caro').clauseOf).toEqual([0, 1, 1])
    expect(analyzeSpanish('sip me lo llevo').clauseOf).toEqual([0, 1, 1, 1])
    // A plain "no" still negates what follows.
    expect(analyzeSpanish('no muy caro').clauseOf).toEqual([0, 0, 0])
  })

  it('without a "¿", marks as asked the sentences a "?" closes and what trails after it, not a sentence closed before', () => {
    const a = analyzeSpanish('Llegó fría. Pagué para esto? qué vergüenza')
    expect(a.clauseOf).toEqual([0, 0, 1, 1, 1, 2, 2])
    expect(a.questionSentenceClauses).toEqual([1, 2])
    // Commas do not end the question.
    expect(analyzeSpanish('hola, tienen el de la foto, cuánto cuesta?').questionSentenceClauses).toEqual([0, 1, 2])
    expect(analyzeSpanish('¿Llegó? no').questionSentenceClauses).toBeUndefined()
    // And the last clause a "?" closed, after which what is said follows the question.
    expect(analyzeSpanish('tienen de pollo?? anotame 4').lastQuestionClause).toBe(0)
    expect(analyzeSpanish('hola, tienen? y cuanto?').lastQuestionClause).toBe(2)
    expect(analyzeSpanish('¿tienen? anotame 4').lastQuestionClause).toBeUndefined()
  })

  it('extracts emojis and counts question and exclamation marks', () => {
    const a = analyzeSpanish('¿Y el envío?? 😡😡 ¡¡no!!')
    expect(a.emojis).toEqual(['😡', '😡'])
    expect(a.questionMarks).toBe(1)
    expect(a.exclamationMarks).toBe(2)
  })

  it('detects shouting only with at least two letters, all capitals', () => {
    expect(analyzeSpanish('NO ME SIRVE').shouting).toBe(true)
    expect(analyzeSpanish('No me sirve').shouting).toBe(false)
    expect(analyzeSpanish('👍').shouting).toBe(false)
  })

  it('handles empty and symbol-only input', () => {
    expect(analyzeSpanish('')).toMatchObject({ normalized: '', words: [], emojis: [] })
    expect(analyzeSpanish('...').normalized).toBe('')
  })
})

describe('asksQuestion: wanting to know, said without a question mark', () => {
  it('reads "quisiera saber…" and "deseo consultar…" as asking', () => {
    expect(asksQuestion(analyzeSpanish('Buenos días. Quisiera saber el costo del envío a Cuenca. Gracias.'))).toBe(true)
    expect(asksQuestion(analyzeSpanish('deseo consultar si atienden el domingo'))).toBe(true)
    expect(asksQuestion(analyzeSpanish('Buenas tardes. Les escribo para consultar si atienden con seguro.'))).toBe(true)
    expect(asksQuestion(analyzeSpanish('ya sé lo que quiero'))).toBe(false)
  })

  it('reads a shop\'s English and shorthand in Spanish', () => {
    expect(analyzeSpanish('m keda grande').words).toContain('queda')
    expect(analyzeSpanish('cuanto el shipping a texas').words).toContain('envio')
    expect(analyzeSpanish('te hago el deposit, pasame el account number').words).toEqual(expect.arrayContaining(['deposito', 'cuenta']))
  })
})

describe('analyzeSpanish: a "sí" typed with its accent', () => {
  it('is marked, where the folded words lose the accent', () => {
    const a = analyzeSpanish('qué bueno que sí tienen la talla, si no me avisas')
    expect(a.words.filter((w) => w === 'si')).toHaveLength(2)
    expect(a.accentedSi).toEqual([3])
    expect(analyzeSpanish('si tienen').accentedSi).toBeUndefined()
    expect(analyzeSpanish('así es').accentedSi).toBeUndefined()
  })
})

describe('canonicalEmoji', () => {
  it('drops skin tones and variation selectors and unifies hearts', () => {
    expect(canonicalEmoji('👍🏽')).toBe('👍')
    expect(canonicalEmoji('❤️')).toBe('❤')
    expect(canonicalEmoji('♥')).toBe('❤')
    expect(canonicalEmoji(':D')).toBe('😀')
  })

  it('drops the gender joined to a gesture', () => {
    expect(canonicalEmoji('🤦🏽\u200d♀️')).toBe('🤦')
    expect(canonicalEmoji('🤷\u200d♂')).toBe('🤷')
    // A family stays one emoji: only a trailing gender sign is dropped.
    expect(canonicalEmoji('👨\u200d👩\u200d👧')).toBe('👨\u200d👩\u200d👧')
  })
})

describe('analyzeSpanish: links, addresses, handles and hashtags', () => {
  it('reads a link as one placeholder word: its path is no topic and its "?" no question', () => {
    const a = analyzeSpanish('mira este https://www.mitienda.com/producto/123?color=rojo')
    expect(a.words).toEqual(['mira', 'este', 'url'])
    expect(a.questionMarks).toBe(0)
    expect(analyzeSpanish('www.tienda.co/ofertas').words).toEqual(['url'])
  })

  it('reads an e-mail address as one word and drops @handles', () => {
    expect(analyzeSpanish('mi correo es ana.perez@gmail.com').words).toEqual(['mi', 'correo', 'es', 'email'])
    expect(analyzeSpanish('@TiendaXYZ no me han respondido').words).toEqual(['no', 'me', 'han', 'respondido'])
  })

  it('splits a hashtag into its words', () => {
    expect(analyzeSpanish('#PesimoServicio').words).toEqual(['pesimo', 'servicio'])
    expect(analyzeSpanish('#muy_bueno').words).toEqual(['muy', 'bueno'])
  })

  it('reads shouting from the customer\'s letters, not from a link', () => {
    expect(analyzeSpanish('NO ME LLEGÓ www.tienda.co/pedido').shouting).toBe(true)
  })

  it('leaves fractions and text without addresses alone', () => {
    expect(analyzeSpanish('te pago 1/2 hoy').words).toEqual(['te', 'pago', '1', '2', 'hoy'])
  })
})

describe('analyzeSpanish: a lone "M"', () => {
  it('is a size, while "mm" and "mmm" are the filler', () => {
    expect(analyzeSpanish('la negra en talla M').words).toEqual(['la', 'negra', 'en', 'talla', 'm'])
    expect(analyzeSpanish('mmm').words).toEqual(['hmm'])
    expect(analyzeSpanish('mm no sé').words[0]).toBe('hmm')
  })
})

describe('analyzeSpanish: "eh"', () => {
  it('closing a message stresses it; alone or first it is the filler', () => {
    expect(analyzeSpanish('no está nada mal eh').words).toEqual(['no', 'esta', 'nada', 'mal'])
    expect(analyzeSpanish('ojo con eso, ehh!! 😅').words).toEqual(['ojo', 'con', 'eso'])
    expect(analyzeSpanish('eh?').words).toEqual(['hmm'])
    expect(analyzeSpanish('eh... bueno').words).toEqual(['hmm', 'bueno'])
    expect(analyzeSpanish('bueno eh no sé').words).toEqual(['bueno', 'hmm', 'no', 'se'])
  })
})

describe('asksQuestion', () => {
  const asks = (text: string) => asksQuestion(analyzeSpanish(text))

  it('reads a question mark, and a question word at the start without one', () => {
    expect(asks('¿tienen envío?')).toBe(true)
    expect(asks('cuanto cuesta')).toBe(true)
  })

  it('finds the question word after a greeting, a connector or a preposition, as customers write without "¿?"', () => {
    for (const text of ['de que material es', 'a que hora abren', 'hola cuanto cuesta', 'buenas tardes donde quedan', 'y para cuando llega']) expect(asks(text), text).toBe(true)
  })

  it('does not read a statement as a question because a question word comes later in it', () => {
    for (const text of ['listo, ya te pague', 'el que me mandaste no sirve', 'buenas tardes', 'me gusta como quedo']) expect(asks(text), text).toBe(false)
  })

  it('finds a question put after a first reaction, unpunctuated as a voice note writes it', () => {
    for (const text of ['genial y el envio cuanto vale', 'perfecto y cuanto tarda en llegar', 'me encanta y en que colores hay', 'ok, y donde quedan']) {
      expect(asks(text), text).toBe(true)
      expect(asksAfterReaction(analyzeSpanish(text)), text).toBe(true)
    }
  })

  it('reads "cuánto cuesta" as asking wherever it stands, and no relative clause of a story', () => {
    expect(asks('mira la bici de rin 26 es para mi hijo cuanto cuesta esa')).toBe(true)
    expect(analyzeSpanish('muy buen precio').askedAt).toBeUndefined()
    for (const text of ['casona colonial, con fuente de cantera, en donde hay platillos', 'llegue cansado y cuanto lo senti', 'dale, cuando llegue te aviso', 'gracias y como siempre a tiempo']) {
      expect(asks(text), text).toBe(false)
    }
  })
})

describe('analyzeSpanish: texting\'s "m"', () => {
  it('is "me" before a verb and a size otherwise', () => {
    expect(analyzeSpanish('cuanto m cobran x arreglar la pantalla').words).toContain('precio')
    expect(analyzeSpanish('m keda grande').words.slice(0, 2)).toEqual(['me', 'queda'])
    expect(analyzeSpanish('la negra en talla m').words.at(-1)).toBe('m')
  })

  it('reads no wish to know in a refusal', () => {
    expect(asksQuestion(analyzeSpanish('no quiero saber nada'))).toBe(false)
    expect(asksQuestion(analyzeSpanish('quisiera saber el estado de mi pedido'))).toBe(true)
  })
})

describe('analyzeSpanish: links shared', () => {
  it('marks a message with a link or a post passed on, and nothing else', () => {
    expect(analyzeSpanish('mira esto http://t.co/abc').sharesLink).toBe(true)
    expect(analyzeSpanish('precios en www.tienda.com').sharesLink).toBe(true)
    expect(analyzeSpanish('RT @diario: Cortada la calle Colón por obras').sharesLink).toBe(true)
    expect(analyzeSpanish('gracias @tienda por todo').sharesLink).toBeUndefined()
    expect(analyzeSpanish('#PesimoServicio').sharesLink).toBeUndefined()
    expect(analyzeSpanish('me llegó el pedido').sharesLink).toBeUndefined()
  })
})

describe('analyzeSpanish: a post addressed to an account', () => {
  it('marks an @handle anywhere, and not the @ of an e-mail address', () => {
    expect(analyzeSpanish('@BancoX ¿se puede pagar con débito?').addressesAccount).toBe(true)
    expect(analyzeSpanish('gracias @tienda_oficial por todo').addressesAccount).toBe(true)
    expect(analyzeSpanish('escríbeme a ana.perez@gmail.com').addressesAccount).toBeUndefined()
    expect(analyzeSpanish('nos vemos @ las 5').addressesAccount).toBeUndefined()
    expect(analyzeSpanish('¿aceptan nequi?').addressesAccount).toBeUndefined()
  })
})

describe('analyzeSpanish: the clauses a "¿" opens', () => {
  it('lists the clauses between "¿" and "?", and nothing without a "¿"', () => {
    const told = analyzeSpanish('el internet anda lento, ¿qué onda?')
    expect(told.askedClauses).toEqual([told.clauseOf[told.words.indexOf('onda')]])
    const two = analyzeSpanish('¿tienen talla M, o solo L?')
    expect(two.askedClauses).toEqual([...new Set(two.clauseOf)])
    expect(analyzeSpanish('tienen talla M?').askedClauses).toBeUndefined()
  })
})

describe('analyzeSpanish: a chatbot training phrase with its entities marked', () => {
  it('keeps the words in brackets and drops the label after them', () => {
    expect(analyzeSpanish('quiero una [pizza](producto) [grande](tamaño)').words).toEqual(['quiero', 'una', 'pizza', 'grande'])
    expect(analyzeSpanish('envíen a [Medellín]{"entity": "ciudad", "value": "medellin"}').words).toEqual(['envien', 'a', 'medellin'])
    expect(analyzeSpanish('tienen [tenis nike](producto) en talla [42](talla)?').words).toEqual(['tienen', 'tenis', 'nike', 'en', 'talla', '42'])
  })

  it('reads a Markdown link as its words and a link shared; brackets alone stay', () => {
    const link = analyzeSpanish('mira [aquí](https://tienda.co/x?color=rojo)')
    expect(link.words).toEqual(['mira', 'aqui'])
    expect(link.questionMarks).toBe(0)
    expect(link.sharesLink).toBe(true)
    expect(analyzeSpanish('[urgente] no me llegó el pedido').words).toEqual(['urgente', 'no', 'me', 'llego', 'el', 'pedido'])
  })
})

describe('analyzeSpanish: a card that is goods or a document', () => {
  it('names it by what it is, and leaves a card to pay with alone', () => {
    expect(analyzeSpanish('tienen tarjeta de memoria de 64').words).toEqual(['tienen', 'memoria', 'de', '64'])
    expect(analyzeSpanish('una tarjeta SIM').words).toEqual(['una', 'chip'])
    expect(analyzeSpanish('la tarjeta de embarque').words).toEqual(['la', 'pasabordo'])
    expect(analyzeSpanish('pago con tarjeta de crédito').words).toEqual(['pago', 'con', 'tarjeta', 'de', 'credito'])
  })
})

describe('isKeyboardMash', () => {
  it('knows four keys in a row or five consonants running, not Spanish words with three or four', () => {
    for (const w of ['asdf', 'qwerty', 'poiuy', 'ñlkj', 'zxcvb', 'sdfgh', 'dfghjk']) expect(isKeyboardMash(w), w).toBe(true)
    for (const w of ['obstruir', 'abstracto', 'construccion', 'instructor', 'transcribir', 'cynthia', 'hola', 'tqm', 'ahs', '12345']) expect(isKeyboardMash(w), w).toBe(false)
  })
})

describe('analyzeSpanish: an "eh" closing a clause (fifteenth session)', () => {
  it('drops an "eh" that closes a clause after other words of it, as it does one closing the message', () => {
    expect(analyzeSpanish('no está nada mal la hamburguesa eh, me sorprendió').words).toEqual(['no', 'esta', 'nada', 'mal', 'la', 'hamburguesa', 'me', 'sorprendio'])
    // Opening the message it is the filler, read as hesitation.
    expect(analyzeSpanish('eh, que paso').words[0]).toBe('hmm')
  })
})
