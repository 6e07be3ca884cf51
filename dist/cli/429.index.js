const V=429,X=[429],J={2429:((K,R,n)=>{n.r(R),n.d(R,{CATALOGUE_HELP:()=>j,catalogueCommand:()=>Q});var N=n(6760),s=n.n(N),b=n(7975),z=n.n(b),I=n(9783),O=n(8638),P=n(928),h=n(3590),v=n(8044),k=n(3060),L=n(9135),o=n(2721),M=n(3839);const j=`Usage: endpoint-drift catalogue update [options]

Fetches the Microsoft 365 endpoint data from the web service when it is newer than the snapshot
at hand (or the embedded data), and writes the snapshot (catalogue.json) and a changelog
(CHANGELOG.md, newest first). Nothing is written when nothing is newer.

  --instance NAME      all | worldwide | china | usgovdod | usgovgcchigh (default: all)
  --output DIR         snapshot folder (default: the config's catalogue: path, else
                       .github/endpoint-drift/catalogue)
  --service-url URL    the web service (default: ${h._i})
  --cache DIR          where /version answers and the client id are kept (default: the config's
                       catalogue-cache, .endpoint-drift-cache)
  --changes FILE       also write this update's changelog alone to FILE (a pull request body)
  --config FILE        configuration file (default: .github/endpoint-drift.yml when present)
  --root DIR           repository root (default: .)

Exit status: 0 updated or already current, 2 usage error or a failed or malformed answer
(nothing is written then).
`;class g extends Error{}async function Q(p,a){const[e,...d]=p;if(e===void 0||e==="--help"||e==="-h"||e==="help")return a.stdout(j),e===void 0?2:0;if(e!=="update")return a.stderr(`endpoint-drift catalogue: unknown subcommand "${e}" (expected update)
`),2;try{return await S(d,a)}catch(i){if(i instanceof g||i instanceof L.xL||i instanceof h.Q0||i instanceof P.Om||i instanceof o.JC)return a.stderr(`endpoint-drift catalogue update: ${i.message}
`),2;throw i}}async function S(p,a){let e;try{e=(0,b.parseArgs)({args:[...p],strict:!0,allowPositionals:!1,options:{instance:{type:"string"},output:{type:"string"},"service-url":{type:"string"},cache:{type:"string"},changes:{type:"string"},config:{type:"string"},root:{type:"string"}}}).values}catch(t){throw new g(`${t.message.split(`
`)[0]} (see catalogue --help)`)}const d=(e.instance??"all").toLowerCase(),i=d==="all"?v.j4:v.j4.includes(d)?[d]:[];if(i.length===0)throw new g(`--instance must be all, ${v.j4.join(", ")}; got "${e.instance??""}"`);const u=(e["service-url"]??h._i).replace(/\/+$/,"");if(!/^https?:\/\/[^/\s]+/i.test(u))throw new g(`--service-url must be an http(s) URL, got "${u}"`);const c=s().resolve(a.cwd,e.root??"."),_=await(0,M.RG)(c,e.config,a.cwd),w=(0,L.$i)(_,{}),x=w.catalogue==="embedded"||w.catalogue==="live"?void 0:(0,o.Pu)(c,(0,o.p0)(c,w.catalogue,"catalogue")),r=e.output?s().join(s().resolve(a.cwd,e.output),o.QX):x??s().join(c,o.N$,o.QX),E=s().dirname(r),D=e.cache?s().resolve(a.cwd,e.cache):(0,o.p0)(c,w.catalogueCache,"catalogue-cache"),f=t=>s().relative(a.cwd,t).split(s().sep).join("/")||".";!e.output&&x&&await(0,o.Do)(c,r,"catalogue"),e.cache||await(0,o.Do)(c,D,"catalogue-cache");const A=await(0,o.RA)(r,f(r)),m=new o.Km(D),U=A?.catalogue.clientRequestId??await m.clientRequestId(),C=a.now?.()??new Date,H=new h.es({serviceUrl:u,clientRequestId:U,...a.fetch?{fetch:a.fetch}:{},...a.sleep?{sleep:a.sleep}:{}}),T=new Map(await Promise.all(i.map(async t=>[t,await m.version(t)]))),l=await(0,k.bP)({baseline:A?.catalogue??O.x,instances:i,service:H,serviceUrl:u,clientRequestId:U,now:C,cachedVersion:t=>T.get(t)});for(const t of l.outcomes){const y=t.current??"the data at hand";a.stdout(t.updated?`${t.instance}: ${y} \u2192 ${t.latest}
`:`${t.instance}: ${t.latest} is current${t.cached?" (version checked within the hour)":""}
`)}for(const[t,y]of l.versionsFetched)await m.saveVersion(t,y);if(!l.catalogue)return a.stdout(`nothing newer: ${f(E)} is unchanged
`),0;const F=(0,I.R8)(l.logs,{fetchedAt:C.toISOString(),serviceUrl:u}),$=s().join(E,o.S),q=[{path:r,text:(0,o.DP)(l.catalogue)},{path:$,text:(0,o.FR)(await(0,o.T9)($),F)}];e.changes&&q.push({path:s().resolve(a.cwd,e.changes),text:F}),await(0,o.ik)(q);const G=l.logs.filter(t=>!(0,I.Im)(t)).length;return a.stdout(`wrote ${f(r)} and ${f($)} (${G} cloud${G===1?"":"s"} with changes)
`),0}})};export{V as id,X as ids,J as modules};
