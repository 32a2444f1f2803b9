// The phone line in a browser: POST /api/voice for each step, show the TwiML, speak the prompts (Web Speech API).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  // Twilio's <Say language> values the browser's voices name differently.
  const BROWSER_LANG = { "arb": "ar", "cmn-CN": "zh-CN" };
  let call = null;
  window.kyrSpoken = [];  // what the page asked the browser to say: [{text, lang}] (tests read it)

  const newCall = () => {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return "demo-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  };

  const enable = (on) => {
    document.querySelectorAll(".key, #words, #say, #hangup").forEach((el) => { el.disabled = !on; });
    $("call").disabled = on;
  };

  const speak = (says, more) => {
    const aloud = $("aloud").checked && "speechSynthesis" in window;
    if (aloud && !more) window.speechSynthesis.cancel();
    for (const say of says) {
      const lang = BROWSER_LANG[say.language] || say.language || "en-US";
      window.kyrSpoken.push({ text: say.text, lang });
      if (!aloud) continue;
      const utterance = new SpeechSynthesisUtterance(say.text);
      utterance.lang = lang;
      window.speechSynthesis.speak(utterance);
    }
  };

  // `more`: why Twilio fetches this answer by itself (after a <Redirect>, or a <Dial> nobody answered); it is
  // shown after the one before it.
  const show = (step, more) => {
    $("twiml").textContent = more ? `${$("twiml").textContent}\n<!-- then, ${more}: -->\n${step.twiml}`
      : step.twiml;
    const list = $("says");
    if (!more) list.replaceChildren();
    for (const say of step.says) {
      const li = document.createElement("li");
      li.textContent = say.text;
      if (say.language) li.lang = BROWSER_LANG[say.language] || say.language;
      li.dir = "auto";
      const small = document.createElement("small");
      small.textContent = `${say.voice || "default voice"} · ${say.language || "en-US"}`;
      li.append(small);
      list.append(li);
    }
    for (const url of step.plays) {
      const li = document.createElement("li");
      li.className = "play";
      li.textContent = "plays a recording: " + url.split("/").slice(-2).join("/");
      list.append(li);
    }
    speak(step.says, more);
    const listening = step.gather ? `waiting ${step.gather.timeout} s for ${step.gather.input}` +
      (step.gather.language ? ` (speech: ${step.gather.language})` : "") : "";
    $("status").textContent = step.hangup ? "The line hung up" : step.dial.length
      ? `Would ring ${step.dial.join(", ")} (a demo rings nobody)` : `In a call — ${listening}`;
    if (step.hangup) { call = null; enable(false); }
  };

  const send = async (body, more) => {
    document.body.classList.add("busy");
    try {
      const response = await fetch("/api/voice", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ call, ...body }),
      });
      const step = await response.json();
      if (!response.ok) { $("status").textContent = step.error || "Error"; return; }
      show(step, more);
      // the line's <Redirect>: back to the caller's step
      if (step.resume) await send({ do: "resume" }, "following the <Redirect>");
      // the line's <Dial>: a demo rings nobody, so show what a caller hears when nobody answers
      else if (step.dial.length) await send({ do: "dialed", status: "no-answer" }, "when nobody answers the <Dial>");
    } finally {
      document.body.classList.remove("busy");
    }
  };

  $("call").addEventListener("click", () => { call = newCall(); enable(true); send({ do: "call" }); });
  $("hangup").addEventListener("click", () => {
    call = null; enable(false);
    if ("speechSynthesis" in window) window.speechSynthesis.cancel();
    $("status").textContent = "Not in a call";
  });
  document.querySelectorAll(".key").forEach((button) => {
    button.addEventListener("click", () => { if (call) send({ do: "key", key: button.dataset.key }); });
  });
  $("speak-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const words = $("words").value.trim();
    if (!call || !words) return;
    $("words").value = "";
    send({ do: "say", words });
  });
  document.addEventListener("keydown", (event) => {
    if (!call || event.target === $("words") || !/^[0-9*#]$/.test(event.key)) return;
    send({ do: "key", key: event.key });
  });
})();
