export const id = 519;
export const ids = [519];
export const modules = {

/***/ 5519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./data/catalogue.json
const catalogue_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"generatedFrom":{"script":"scripts/build-catalogue.ts","otherEndpoints":{"file":"data/other-endpoints.yaml","document":"docs/additional-office365-ip-addresses-and-urls.md","documentSha256":"7caba242589d0b36d27ad32f87921afd4da6ea2570a7016d0e39195d692276e4","documentDate":"2025-01-08","origin":{"repo":"MicrosoftDocs/microsoft-365-docs","path":"microsoft-365/enterprise/additional-office365-ip-addresses-and-urls.md","commit":"ba01cbe59ca4652a0c05a3d15bea4f9bcec94861"}}},"clouds":{"worldwide":{"instance":"worldwide","provenance":{"sourceFile":"endpoints/worldwide.json","sha256":"fac674b969f5a8a7b19d743ce2a17627bd9ed7df4e7d1b4204dbb49715cbc699","origin":{"repo":"deploymenttheory/terraform-provider-microsoft365","path":"internal/services/datasources/utility/microsoft_365_endpoint_reference/tests/responses/get_endpoints_worldwide.json","commit":"8b6c20663ba33fcd1c5c6b6088c7d775a0d46840","commitDate":"2025-12-01"},"dataDate":"2025-09-29","dataDateSource":{"repo":"natecohen/microsoft-ips","commit":"17e4810a8f42222a5fb3d7a6b0a4cb58661a2a97"},"includesMem":true},"endpointSets":[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.cloud.microsoft","outlook.office.com","outlook.office365.com"],"ips":["13.107.6.152/31","13.107.18.10/31","13.107.128.0/22","23.103.160.0/20","40.96.0.0/13","40.104.0.0/15","52.96.0.0/14","131.253.33.215/32","132.245.0.0/16","150.171.32.0/22","204.79.197.215/32","2603:1006::/40","2603:1016::/36","2603:1026::/36","2603:1036::/36","2603:1046::/36","2603:1056::/36","2620:1ec:4::152/128","2620:1ec:4::153/128","2620:1ec:c::10/128","2620:1ec:c::11/128","2620:1ec:d::10/128","2620:1ec:d::11/128","2620:1ec:8f0::/46","2620:1ec:900::/46","2620:1ec:a92::152/128","2620:1ec:a92::153/128"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Optimize","required":true,"expressRoute":true},{"id":2,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.office365.com","smtp.office365.com"],"ips":["13.107.6.152/31","13.107.18.10/31","13.107.128.0/22","23.103.160.0/20","40.96.0.0/13","40.104.0.0/15","52.96.0.0/14","131.253.33.215/32","132.245.0.0/16","150.171.32.0/22","204.79.197.215/32","2603:1006::/40","2603:1016::/36","2603:1026::/36","2603:1036::/36","2603:1046::/36","2603:1056::/36","2620:1ec:4::152/128","2620:1ec:4::153/128","2620:1ec:c::10/128","2620:1ec:c::11/128","2620:1ec:d::10/128","2620:1ec:d::11/128","2620:1ec:8f0::/46","2620:1ec:900::/46","2620:1ec:a92::152/128","2620:1ec:a92::153/128"],"tcpPorts":"143, 587, 993, 995","udpPorts":"","tcpPortRanges":[[143,143],[587,587],[993,993],[995,995]],"udpPortRanges":[],"category":"Allow","required":false,"expressRoute":true,"notes":"POP3, IMAP4, SMTP Client traffic"},{"id":8,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.outlook.com","autodiscover.*.onmicrosoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":9,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.protection.outlook.com"],"ips":["40.92.0.0/15","40.107.0.0/16","52.100.0.0/14","52.238.78.88/32","104.47.0.0/17","2a01:111:f400::/48","2a01:111:f403::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":10,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.mail.protection.outlook.com","*.mx.microsoft"],"ips":["40.92.0.0/15","40.107.0.0/16","52.100.0.0/14","104.47.0.0/17","2a01:111:f400::/48","2a01:111:f403::/48"],"tcpPorts":"25","udpPorts":"","tcpPortRanges":[[25,25]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":11,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":[],"ips":["52.112.0.0/14","52.122.0.0/15","2603:1063::/38"],"tcpPorts":"","udpPorts":"3478,3479,3480,3481","tcpPortRanges":[],"udpPortRanges":[[3478,3481]],"category":"Optimize","required":true,"expressRoute":true},{"id":12,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.lync.com","*.teams.cloud.microsoft","*.teams.microsoft.com","teams.cloud.microsoft","teams.microsoft.com"],"ips":["52.112.0.0/14","52.122.0.0/15","2603:1027::/48","2603:1037::/48","2603:1047::/48","2603:1057::/48","2603:1063::/38","2620:1ec:6::/48","2620:1ec:40::/42"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Allow","required":true,"expressRoute":true},{"id":16,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.keydelivery.mediaservices.windows.net","*.streaming.mediaservices.windows.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":17,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["aka.ms"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":19,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["adl.windows.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"For end user and customer owned device updates"},{"id":27,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["join.secure.skypeassets.com","mlccdnprod.azureedge.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":31,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.sharepoint.com"],"ips":["13.107.136.0/22","40.108.128.0/17","52.104.0.0/14","104.146.128.0/17","150.171.40.0/22","2603:1061:1300::/40","2603:1063:6000::/35","2620:1ec:8f8::/46","2620:1ec:908::/46","2a01:111:f402::/48"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Optimize","required":true,"expressRoute":true},{"id":32,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["storage.live.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"OneDrive for Business: supportability, telemetry, APIs, and embedded email links"},{"id":33,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.search.production.apac.trafficmanager.net","*.search.production.emea.trafficmanager.net","*.search.production.us.trafficmanager.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"SharePoint Hybrid Search - Endpoint to SearchContentService where the hybrid crawler feeds documents"},{"id":35,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.wns.windows.com","admin.onedrive.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":36,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["g.live.com","oneclient.sfx.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":37,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.sharepointonline.com","spoprod-a.akamaihd.net"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":39,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.svc.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":46,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.officeapps.live.com","*.online.office.com","office.live.com"],"ips":["13.107.6.171/32","13.107.18.15/32","13.107.140.6/32","52.108.0.0/14","52.244.37.168/32","2603:1006:1400::/40","2603:1016:2400::/40","2603:1026:2400::/40","2603:1036:2400::/40","2603:1046:1400::/40","2603:1056:1400::/40","2603:1063:2000::/38","2620:1ec:c::15/128","2620:1ec:8fc::6/128","2620:1ec:a92::171/128","2a01:111:f100:2000::a83e:3019/128","2a01:111:f100:2002::8975:2d79/128","2a01:111:f100:2002::8975:2da8/128","2a01:111:f100:7000::6fdd:6cd5/128","2a01:111:f100:a004::bfeb:88cf/128"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":47,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office.net"],"ips":[],"tcpPorts":"443,80","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Default","required":true,"expressRoute":false},{"id":49,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.onenote.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":50,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"OneNote notebooks (wildcards)"},{"id":51,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*cdn.onenote.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":53,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["ajax.aspnetcdn.com","apis.live.net","officeapps.live.com","www.onedrive.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":56,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.auth.microsoft.com","*.msftidentity.com","*.msidentity.com","account.activedirectory.windowsazure.com","accounts.accesscontrol.windows.net","adminwebservice.microsoftonline.com","api.passwordreset.microsoftonline.com","autologon.microsoftazuread-sso.com","becws.microsoftonline.com","ccs.login.microsoftonline.com","clientconfig.microsoftonline-p.net","companymanager.microsoftonline.com","device.login.microsoftonline.com","graph.microsoft.com","graph.windows.net","login-us.microsoftonline.com","login.microsoft.com","login.microsoftonline-p.com","login.microsoftonline.com","login.windows.net","logincert.microsoftonline.com","loginex.microsoftonline.com","nexus.microsoftonline-p.com","passwordreset.microsoftonline.com","provisioningapi.microsoftonline.com"],"ips":["20.20.32.0/19","20.190.128.0/18","20.231.128.0/19","40.126.0.0/18","2603:1006:2000::/48","2603:1007:200::/48","2603:1016:1400::/48","2603:1017::/48","2603:1026:3000::/48","2603:1027:1::/48","2603:1036:3000::/48","2603:1037:1::/48","2603:1046:2000::/48","2603:1047:1::/48","2603:1056:2000::/48","2603:1057:2::/48"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":59,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.hip.live.com","*.microsoftonline-p.com","*.microsoftonline.com","*.msauth.net","*.msauthimages.net","*.msecnd.net","*.msftauth.net","*.msftauthimages.net","*.phonefactor.net","enterpriseregistration.windows.net"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":64,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.protection.office.com","*.security.microsoft.com","compliance.microsoft.com","defender.microsoft.com","protection.office.com","purview.microsoft.com","security.microsoft.com"],"ips":["13.107.6.192/32","13.107.9.192/32","2620:1ec:4::192/128","2620:1ec:a92::192/128"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":66,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.portal.cloudappsecurity.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":69,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aria.microsoft.com","*.events.data.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":70,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.o365weve.com","amp.azure.net","appsforoffice.microsoft.com","assets.onestore.ms","auth.gfx.ms","c1.microsoft.com","dgps.support.microsoft.com","docs.microsoft.com","msdn.microsoft.com","platform.linkedin.com","prod.msocdn.com","shellprod.msocdn.com","support.microsoft.com","technet.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":71,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office365.com"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":73,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aadrm.com","*.azurerms.com","*.informationprotection.azure.com","ecn.dev.virtualearth.net","informationprotection.hosting.portal.azure.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":75,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.sharepointonline.com","dc.services.visualstudio.com","mem.gfx.ms"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Graph.windows.net, Office 365 Management Pack for Operations Manager, SecureScore, Azure AD Device Registration, Forms, StaffHub, Application Insights, captcha services"},{"id":78,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.microsoft.com","*.msocdn.com","*.onmicrosoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Some Office 365 features require endpoints within these domains (including CDNs). Many specific FQDNs within these wildcards have been published recently as we work to either remove or better explain our guidance relating to these wildcards."},{"id":79,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["o15.officeredir.microsoft.com","officepreviewredir.microsoft.com","officeredir.microsoft.com","r.office.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":83,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activation.sls.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":84,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["crl.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":86,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["office15client.microsoft.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":89,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["go.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":91,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["ajax.aspnetcdn.com","cdn.odc.officeapps.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":92,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["officecdn.microsoft.com","officecdn.microsoft.com.edgesuite.net","otelrules.azureedge.net"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":93,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.virtualearth.net","c.bing.net","ocos-office365-s2s.msedge.net","tse1.mm.bing.net","www.bing.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"ProPlus: auxiliary URLs"},{"id":95,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.acompli.net","*.outlookmobile.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Outlook for Android and iOS"},{"id":96,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["login.windows-ppe.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Outlook for Android and iOS: Authentication"},{"id":97,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["account.live.com","login.live.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Outlook for Android and iOS: Consumer Outlook.com and OneDrive integration"},{"id":105,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["www.acompli.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Outlook for Android and iOS: Outlook Privacy"},{"id":114,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.appex-rf.msn.com","*.appex.bing.com","c.bing.com","c.live.com","partnerservices.getmicrosoftkey.com","signup.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Office Mobile URLs"},{"id":116,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["account.live.com","auth.gfx.ms","login.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Office for iPad URLs"},{"id":117,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.yammer.com","*.yammerusercontent.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Viva Engage"},{"id":118,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.assets-yammer.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Viva Engage Assets CDN"},{"id":121,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["www.outlook.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Planner: auxiliary URLs"},{"id":122,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["eus-www.sway-cdn.com","eus-www.sway-extensions.com","wus-www.sway-cdn.com","wus-www.sway-extensions.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Sway CDNs"},{"id":124,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["sway.com","www.sway.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Sway"},{"id":125,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.entrust.net","*.geotrust.com","*.omniroot.com","*.public-trust.com","*.symcb.com","*.symcd.com","*.verisign.com","*.verisign.net","cacerts.digicert.com","cert.int-x3.letsencrypt.org","crl.globalsign.com","crl.globalsign.net","crl.identrust.com","crl3.digicert.com","crl4.digicert.com","isrg.trustid.ocsp.identrust.com","mscrl.microsoft.com","ocsp.digicert.com","ocsp.globalsign.com","ocsp.msocsp.com","ocsp2.globalsign.com","ocspx.digicert.com","oneocsp.microsoft.com","secure.globalsign.com","www.digicert.com","www.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":126,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["officespeech.platform.bing.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Connection to the speech service is required for Office Dictation features. If connectivity is not allowed, Dictation will be disabled."},{"id":127,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.skype.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":147,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office.com","www.microsoft365.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":152,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.microsoftusercontent.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"These endpoints enable the Office Scripts functionality in Office clients available through the Automate tab and the Python in Excel functionality available through the Formulas tab. The Office Scripts feature can also be disabled through the Office 365 Admin portal. For admin controls related to Python in Excel, see [Data security and Python in Excel](https://support.microsoft.com/office/data-security-and-python-in-excel-33cc88a4-4a87-485e-9ff9-f35958278327)."},{"id":153,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.azure-apim.net","*.flow.microsoft.com","*.powerapps.com","*.powerautomate.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":156,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.activity.windows.com","activity.windows.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":158,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cortana.ai"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":159,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["admin.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":160,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["cdn.odc.officeapps.live.com","cdn.uci.officeapps.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":163,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.manage.microsoft.com","manage.microsoft.com"],"ips":["4.145.74.224/27","4.150.254.64/27","4.154.145.224/27","4.200.254.32/27","4.207.244.0/27","4.213.25.64/27","4.213.86.128/25","4.216.205.32/27","4.237.143.128/25","13.67.13.176/28","13.67.15.128/27","13.69.67.224/28","13.69.231.128/28","13.70.78.128/28","13.70.79.128/27","13.74.111.192/27","13.77.53.176/28","13.86.221.176/28","13.89.174.240/28","13.89.175.192/28","20.37.153.0/24","20.37.192.128/25","20.38.81.0/24","20.41.1.0/24","20.42.1.0/24","20.42.130.0/24","20.42.224.128/25","20.43.129.0/24","20.44.19.224/27","20.91.147.72/29","20.168.189.128/27","20.189.172.160/27","20.189.229.0/25","20.191.167.0/25","20.192.159.40/29","20.192.174.216/29","20.199.207.192/28","20.204.193.10/31","20.204.193.12/30","20.204.194.128/31","20.208.149.192/27","20.208.157.128/27","20.214.131.176/29","40.67.121.224/27","40.70.151.32/28","40.71.14.96/28","40.74.25.0/24","40.78.245.240/28","40.78.247.128/27","40.79.197.64/27","40.79.197.96/28","40.80.180.208/28","40.80.180.224/27","40.80.184.128/25","40.82.248.224/28","40.82.249.128/25","40.84.70.128/25","40.119.8.128/25","48.218.252.128/25","52.150.137.0/25","52.162.111.96/28","52.168.116.128/27","52.182.141.192/27","52.236.189.96/27","52.240.244.160/27","57.151.0.192/27","57.153.235.0/25","57.154.140.128/25","57.154.195.0/25","57.155.45.128/25","68.218.134.96/27","74.224.214.64/27","74.242.35.0/25","104.46.162.96/27","104.208.197.64/27","172.160.217.160/27","172.201.237.160/27","172.202.86.192/27","172.205.63.0/25","172.212.214.0/25","172.215.131.0/27"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":164,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.dl.delivery.mp.microsoft.com","*.do.dsp.mp.microsoft.com","*.update.microsoft.com","*.windowsupdate.com","adl.windows.com","dl.delivery.mp.microsoft.com","tsfe.trafficshaping.dsp.mp.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":165,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["time.windows.com"],"ips":[],"tcpPorts":"","udpPorts":"123","tcpPortRanges":[],"udpPortRanges":[[123,123]],"category":"Default","required":true,"expressRoute":false},{"id":169,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.s-microsoft.com","clientconfig.passport.net","windowsphone.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":170,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["approdimedatahotfix.azureedge.net","approdimedatapri.azureedge.net","approdimedatasec.azureedge.net","euprodimedatahotfix.azureedge.net","euprodimedatapri.azureedge.net","euprodimedatasec.azureedge.net","naprodimedatahotfix.azureedge.net","naprodimedatapri.azureedge.net","naprodimedatasec.azureedge.net","swda01-mscdn.azureedge.net","swda02-mscdn.azureedge.net","swdb01-mscdn.azureedge.net","swdb02-mscdn.azureedge.net","swdc01-mscdn.azureedge.net","swdc02-mscdn.azureedge.net","swdd01-mscdn.azureedge.net","swdd02-mscdn.azureedge.net","swdin01-mscdn.azureedge.net","swdin02-mscdn.azureedge.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":171,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.notify.windows.com","*.wns.windows.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":173,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["ekcert.spserv.microsoft.com","ekop.intel.com","ftpm.amd.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":179,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["intunecdnpeasd.azureedge.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":181,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.monitor.azure.com","*.support.services.microsoft.com","*.trouter.communication.microsoft.com","*.trouter.skype.com","*.trouter.teams.microsoft.com","api.flightproxy.skype.com","ecs.communication.microsoft.com","edge.microsoft.com","edge.skype.com","remoteassistanceprodacs.communication.azure.com","remoteassistanceprodacseu.communication.azure.com","remotehelp.microsoft.com","wcpstatic.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":182,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["lgmsapeweu.blob.core.windows.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":184,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cloud.microsoft","*.static.microsoft","*.usercontent.microsoft"],"ips":[],"tcpPorts":"443","udpPorts":"443","tcpPortRanges":[[443,443]],"udpPortRanges":[[443,443]],"category":"Default","required":true,"expressRoute":false},{"id":186,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["intunemaape1.eus.attest.azure.net","intunemaape10.weu.attest.azure.net","intunemaape11.weu.attest.azure.net","intunemaape12.weu.attest.azure.net","intunemaape13.jpe.attest.azure.net","intunemaape17.jpe.attest.azure.net","intunemaape18.jpe.attest.azure.net","intunemaape19.jpe.attest.azure.net","intunemaape2.eus2.attest.azure.net","intunemaape3.cus.attest.azure.net","intunemaape4.wus.attest.azure.net","intunemaape5.scus.attest.azure.net","intunemaape7.neu.attest.azure.net","intunemaape8.neu.attest.azure.net","intunemaape9.neu.attest.azure.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":187,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.webpubsub.azure.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Android Remote Help requires this endpoint."},{"id":188,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.gov.teams.microsoft.us","remoteassistanceweb.usgov.communication.azure.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Remote Help Dependancy for GCC customers"},{"id":189,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["config.edge.skype.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Feature flighting (opt in/out) may not function if this is not included"},{"id":192,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["contentauthassetscdn-prod.azureedge.net","contentauthassetscdn-prodeur.azureedge.net","contentauthrafcontentcdn-prod.azureedge.net","contentauthrafcontentcdn-prodeur.azureedge.net","fd.api.orgmsg.microsoft.com","ris.prod.api.personalization.ideas.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false,"notes":""}]},"china":{"instance":"china","provenance":{"sourceFile":"endpoints/china.json","sha256":"4196f218f21e31753d22ac7bbfe55233d816623d421b3535a1f7c1ed01cca4ee","origin":{"repo":"deploymenttheory/terraform-provider-microsoft365","path":"internal/services/datasources/utility/microsoft_365_endpoint_reference/tests/responses/get_endpoints_china.json","commit":"8b6c20663ba33fcd1c5c6b6088c7d775a0d46840","commitDate":"2025-12-01"},"dataDate":"2025-11-27","dataDateSource":{"repo":"natecohen/microsoft-ips","commit":"ffdeb0534960385c53f8334090d95e44d1bbd24c"},"includesMem":false},"endpointSets":[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["partner.outlook.cn"],"ips":["40.73.132.0/24","40.73.164.128/25","40.73.165.0/26","42.159.40.0/24","42.159.44.0/22","42.159.163.128/25","42.159.165.0/24","42.159.172.0/22","2406:e500:4010::/48","2406:e500:4030::/53","2406:e500:4030:800::/54","2406:e500:4040::/53","2406:e500:4040:800::/54","2406:e500:4040:1000::/54","2406:e500:4040:1400::/54","2406:e500:4110::/48","2406:e500:4210::/48","2406:e500:4310::/48"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Optimize","required":true,"expressRoute":false},{"id":2,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.protection.partner.outlook.cn"],"ips":["40.72.120.0/22","40.72.124.192/26","42.159.33.192/27","42.159.36.0/24","42.159.161.192/27","42.159.164.0/24","139.219.16.0/23","139.219.24.0/22","139.219.145.0/24","139.219.146.0/24","139.219.156.0/22","159.27.176.0/21","2406:e500:200::/64","2406:e500:201::/64","2406:e500:4400::/39"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":3,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":[],"ips":["42.159.34.32/27","42.159.34.64/27","42.159.34.96/28","42.159.162.32/27","42.159.162.64/27","42.159.162.96/28","159.27.160.0/21","2406:e500:4a00::/39"],"tcpPorts":"","udpPorts":"3478, 3479, 3480, 3481","tcpPortRanges":[],"udpPortRanges":[[3478,3481]],"category":"Optimize","required":true,"expressRoute":false},{"id":4,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.sharepoint.cn"],"ips":["40.73.129.0/24","40.73.161.0/24","42.159.38.0/23","2406:e500:4600::/39"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Allow","required":true,"expressRoute":false},{"id":7,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.azure-mobile.cn","*.chinacloud-mobile.cn","*.chinacloudapi.cn","*.chinacloudapp.cn","*.chinacloudsites.cn","*.partner.microsoftonline-m-i.net.cn","*.partner.microsoftonline-m.net.cn","*.partner.microsoftonline-p.net.cn","*.partner.officewebapps.cn","*.windowsazure.cn","portal.partner.microsoftonline.cdnsvc.com","r4.partner.outlook.cn"],"ips":["23.236.126.0/24","40.73.240.0/24","40.73.242.0/24","58.68.168.0/24","112.25.33.0/24","123.150.49.0/24","125.65.247.0/24","171.107.84.0/24","180.210.232.0/24","180.210.234.0/24","209.177.86.0/24","209.177.90.0/24","209.177.94.0/24","222.161.226.0/24","2406:e500:4900::/48"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":8,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.onmschina.cn"],"ips":["101.28.252.0/24","115.231.150.0/24","123.235.32.0/24","171.111.154.0/24","175.6.10.0/24","180.210.229.0/24","211.90.28.0/24"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":9,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.partner.microsoftonline-p.cn"],"ips":["182.50.87.0/24"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":10,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.partner.microsoftonline.cn"],"ips":["103.9.8.0/22"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":11,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activation.sls.microsoft.com","crl.microsoft.com","odc.officeapps.live.com","officecdn.microsoft.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":12,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.partner.outlook.cn","attachments.office365-net.cn"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":13,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.msauth.cn","*.msauthimages.cn","*.msftauth.cn","*.msftauthimages.cn","login.microsoftonline.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":15,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["loki.office365.cn"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":16,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cdn.office.net","shellprod.msocdn.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":17,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.auth.microsoft.cn","login.partner.microsoftonline.cn","microsoftgraph.chinacloudapi.cn"],"ips":["40.72.70.0/23","52.130.2.32/27","52.130.3.64/27","52.130.17.192/27","52.130.18.32/27","2406:e500:5500::/48"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":18,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aadrm.cn","*.protection.partner.outlook.cn"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"If using Exchange Online, follow Allow category guidance for *.protection.partner.outlook.cn"},{"id":19,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.partner.lync.cn","*.teams.microsoftonline.cn","teams.microsoftonline.cn"],"ips":["40.72.124.128/28","42.159.34.32/27","42.159.34.64/27","42.159.34.96/28","42.159.162.32/27","42.159.162.64/27","42.159.162.96/28","159.27.160.0/21","2406:e500:4a00::/39"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":20,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.partner.outlook.cn"],"ips":["40.73.132.0/24","40.73.164.128/25","40.73.165.0/26","42.159.40.0/24","42.159.44.0/22","42.159.163.128/25","42.159.165.0/24","42.159.172.0/22","2406:e500:4010::/48","2406:e500:4030::/53","2406:e500:4030:800::/54","2406:e500:4040::/53","2406:e500:4040:800::/54","2406:e500:4040:1000::/54","2406:e500:4040:1400::/54","2406:e500:4110::/48","2406:e500:4210::/48","2406:e500:4310::/48"],"tcpPorts":"587,993,995","udpPorts":"","tcpPortRanges":[[587,587],[993,993],[995,995]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":21,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.wns.windows.com"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":22,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.partner.office365.cn","*.sovcloud-static.cn","*.sovcloud-usercontent.cn","*.sovcloud.cn"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":23,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.microsoftonline.cn"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":26,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.officewebapps.cn"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false,"notes":"Required for deprecating the old Gallatin regions and adding new China regions and publishing MIRA ranges"},{"id":27,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.mail.protection.partner.outlook.cn","*.sovcloud-mx.cn"],"ips":["40.72.120.0/22","40.72.124.192/26","42.159.33.192/27","42.159.36.0/24","42.159.161.192/27","42.159.164.0/24","139.219.16.0/23","139.219.24.0/22","139.219.145.0/24","139.219.146.0/24","139.219.156.0/22","159.27.176.0/21","2406:e500:200::/64","2406:e500:201::/64","2406:e500:4400::/39"],"tcpPorts":"25","udpPorts":"","tcpPortRanges":[[25,25]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false,"notes":""}]},"usgovdod":{"instance":"usgovdod","provenance":{"sourceFile":"endpoints/usgovdod.json","sha256":"ff6f76942b9b6637840434b857184d23ccbf3ce918b87077436464c070a39e12","origin":{"repo":"deploymenttheory/terraform-provider-microsoft365","path":"internal/services/datasources/utility/microsoft_365_endpoint_reference/tests/responses/get_endpoints_usgov_dod.json","commit":"8b6c20663ba33fcd1c5c6b6088c7d775a0d46840","commitDate":"2025-12-01"},"dataDate":"2025-10-30","dataDateSource":{"repo":"natecohen/microsoft-ips","commit":"91e88fc866cff2cc0a39331831a90be5a56c6aac"},"includesMem":true},"endpointSets":[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook-dod.office365.us","webmail.apps.mil"],"ips":["20.35.192.0/20","40.66.24.0/21","2001:489a:2200:500::/56","2001:489a:2200:700::/56"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Optimize","required":true,"expressRoute":true},{"id":4,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook-dod.office365.us","webmail.apps.mil"],"ips":[],"tcpPorts":"25,143,587,993,995","udpPorts":"","tcpPortRanges":[[25,25],[143,143],[587,587],[993,993],[995,995]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":true},{"id":5,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["attachments-dod.office365-net.us","autodiscover-s-dod.office365.us","autodiscover.*.mail.onmicrosoft.com","autodiscover.*.mail.onmicrosoft.us","autodiscover.*.onmicrosoft.com","autodiscover.*.onmicrosoft.us"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":true},{"id":6,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.protection.apps.mil","*.protection.office365.us","*.usgovcloud-mx.microsoft"],"ips":["23.103.191.0/24","23.103.199.0/25","23.103.204.0/22","62.10.144.0/20","2001:489a:2202::/62","2001:489a:2202:8::/62","2001:489a:2202:2000::/63","2001:489a:2202:c000::/50"],"tcpPorts":"25,443","udpPorts":"","tcpPortRanges":[[25,25],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":7,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.dod.teams.microsoft.us","*.online.dod.skypeforbusiness.us","dod.teams.microsoft.us"],"ips":["13.72.128.0/20","52.127.64.0/21","104.212.32.0/22","195.134.240.0/22","2001:489a:2250::/44"],"tcpPorts":"443","udpPorts":"3478,3479,3480,3481","tcpPortRanges":[[443,443]],"udpPortRanges":[[3478,3481]],"category":"Optimize","required":true,"expressRoute":true},{"id":9,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.dps.mil","*.sharepoint-mil.us"],"ips":["20.34.12.0/22","2001:489a:2204:902::/63","2001:489a:2204:c00::/63"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Optimize","required":true,"expressRoute":true},{"id":10,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.wns.windows.com","g.live.com","oneclient.sfx.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":11,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.dod.online.office365.us"],"ips":["52.127.80.0/23","2001:489a:2208:8000::/49"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":12,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.apps.mil","*.office365.us","*.usgovcloud-static.microsoft","*.usgovcloud-usercontent.microsoft","*.usgovcloud.microsoft"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":13,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.auth.microsoft.us","*.gov.us.microsoftonline.com","dod-graph.microsoft.us","graph.microsoftazure.us","login.microsoftonline.us"],"ips":["20.140.232.0/23","52.126.194.0/23","2001:489a:3500::/50"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":14,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.msauth.net","*.msauthimages.us","*.msftauth.net","*.msftauthimages.us","clientconfig.microsoftonline-p.net","graph.windows.net","login-us.microsoftonline.com","login.microsoftonline-p.com","login.microsoftonline.com","login.windows.net","loginex.microsoftonline.com","mscrl.microsoft.com","nexus.microsoftonline-p.com","secure.aadcdn.microsoftonline-p.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":15,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["portal.apps.mil","reports.apps.mil","webshell.dodsuite.office365.us","www.ohome.apps.mil"],"ips":["52.127.72.42/32","52.127.76.42/32","52.180.251.166/32","52.181.24.112/32","52.181.160.113/32","52.182.24.200/32","52.182.54.237/32"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":16,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["dod.loki.office365.us"],"ips":["52.127.72.0/21","2001:489a:2206::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":17,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activation.sls.microsoft.com","crl.microsoft.com","go.microsoft.com","insertmedia.bing.office.net","ocsa.officeapps.live.com","ocsredir.officeapps.live.com","ocws.officeapps.live.com","office15client.microsoft.com","officecdn.microsoft.com","officecdn.microsoft.com.edgesuite.net","officepreviewredir.microsoft.com","officeredir.microsoft.com","ols.officeapps.live.com","r.office.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":18,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["cdn.odc.officeapps.live.com","mrodevicemgr.officeapps.live.com","odc.officeapps.live.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":20,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.svc.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":21,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["msteamsstatics.blob.core.usgovcloudapi.net","statics.teams.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":24,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["lpcres.delve.office.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":25,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cdn.office.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":26,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.security.apps.mil","compliance.apps.mil","purview.apps.mil","scc.protection.apps.mil","security.apps.mil"],"ips":["23.103.204.0/22","52.127.72.0/21"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":28,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activity.windows.com","dod.activity.windows.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":29,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["dod-mtis.cortana.ai"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":30,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aadrm.us","*.informationprotection.azure.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":31,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["pf.events.data.microsoft.com","pf.pipe.aria.microsoft.com"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":35,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["cmgwpesvcust.usgovtexas.cloudapp.usgovcloudapi.net","cmgwpesvcusv.usgovvirginia.cloudapp.usgovcloudapi.net","fxpasu01sfring.usgovvirginia.cloudapp.usgovcloudapi.net","fxpwcpna03.usgovtexas.cloudapp.usgovcloudapi.net","fxpwcpna04.usgovvirginia.cloudapp.usgovcloudapi.net","fxpxsucpna01.usgovvirginia.cloudapp.usgovcloudapi.net","fxpxsucpna02.usgovtexas.cloudapp.usgovcloudapi.net","lgm-svc-fxp-ugv-cses-dns.usgovvirginia.cloudapp.usgovcloudapi.net","mamls-fxp-eus-ip.usgovvirginia.cloudapp.usgovcloudapi.net","qrybkr-cses01-fxp.usgovvirginia.cloudapp.usgovcloudapi.net","qrybkr-cses02-fxp.usgovvirginia.cloudapp.usgovcloudapi.net","slasvc-cses01-fxp.usgovvirginia.cloudapp.usgovcloudapi.net","slasvc-cses02-fxp.usgovvirginia.cloudapp.usgovcloudapi.net"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false}]},"usgovgcchigh":{"instance":"usgovgcchigh","provenance":{"sourceFile":"endpoints/usgovgcchigh.json","sha256":"0fa9e948b75e78d6db1e36a67a0eb19c57db63b4207f55ddc1ea5a5358d22584","origin":{"repo":"deploymenttheory/terraform-provider-microsoft365","path":"internal/services/datasources/utility/microsoft_365_endpoint_reference/tests/responses/get_endpoints_usgov_gcchigh.json","commit":"1cac0472f035b480558c3897157eb0e7dca49740","commitDate":"2025-12-01"},"dataDate":"2025-10-30","dataDateSource":{"repo":"natecohen/microsoft-ips","commit":"91e88fc866cff2cc0a39331831a90be5a56c6aac"},"includesMem":false},"endpointSets":[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.office365.us"],"ips":["20.35.208.0/20","20.35.240.0/21","40.66.16.0/21","2001:489a:2200:100::/56","2001:489a:2200:400::/56","2001:489a:2200:600::/56"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Optimize","required":true,"expressRoute":true},{"id":4,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["attachments.office365-net.us","autodiscover-s.office365.us","autodiscover.*.mail.onmicrosoft.com","autodiscover.*.mail.onmicrosoft.us","autodiscover.*.onmicrosoft.com","autodiscover.*.onmicrosoft.us"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":true},{"id":5,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.office365.us"],"ips":[],"tcpPorts":"25,143,587,993,995","udpPorts":"","tcpPortRanges":[[25,25],[143,143],[587,587],[993,993],[995,995]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":true},{"id":6,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.manage.office365.us","*.protection.office365.us","*.scc.office365.us","*.usgovcloud-mx.microsoft","manage.office365.us","scc.office365.us"],"ips":["23.103.191.0/24","23.103.199.128/25","23.103.208.0/22","52.227.182.149/32","52.238.74.212/32","52.244.65.13/32","62.10.128.0/20","2001:489a:2202:4::/62","2001:489a:2202:c::/62","2001:489a:2202:2000::/63","2001:489a:2202:8000::/50"],"tcpPorts":"25,443","udpPorts":"","tcpPortRanges":[[25,25],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":7,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":[],"ips":["13.72.144.0/20","52.127.88.0/21","104.212.44.0/22","2001:489a:2240::/44"],"tcpPorts":"","udpPorts":"3478,3479,3480,3481","tcpPortRanges":[],"udpPortRanges":[[3478,3481]],"category":"Optimize","required":true,"expressRoute":true},{"id":9,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.sharepoint.us"],"ips":["20.34.8.0/22","2001:489a:2204:800::/63","2001:489a:2204:900::/63"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Optimize","required":true,"expressRoute":true},{"id":10,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.wns.windows.com","admin.onedrive.us","g.live.com","oneclient.sfx.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":11,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.gov.online.office365.us"],"ips":["52.127.37.0/24","52.127.82.0/23","2001:489a:2208::/49"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":13,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.auth.microsoft.us","*.gov.us.microsoftonline.com","graph.microsoft.us","graph.microsoftazure.us","login.microsoftonline.us"],"ips":["20.140.232.0/23","52.126.194.0/23","2001:489a:3500::/50"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":14,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.msauth.net","*.msauthimages.us","*.msftauth.net","*.msftauthimages.us","clientconfig.microsoftonline-p.net","graph.windows.net","login-us.microsoftonline.com","login.microsoftonline-p.com","login.microsoftonline.com","login.windows.net","loginex.microsoftonline.com","mscrl.microsoft.com","nexus.microsoftonline-p.com","secure.aadcdn.microsoftonline-p.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":15,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["officehome.msocdn.us","prod.msocdn.us"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":16,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["www.office365.us"],"ips":["52.227.170.242/32"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":17,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.osi.office365.us","gcchigh.loki.office365.us","tasks.office365.us"],"ips":["52.127.240.0/20","2001:489a:2206::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":18,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office.delivery.microsoft.com","activation.sls.microsoft.com","crl.microsoft.com","go.microsoft.com","insertmedia.bing.office.net","mrodevicemgr.officeapps.live.com","ocsa.officeapps.live.com","ocsredir.officeapps.live.com","ocws.officeapps.live.com","office15client.microsoft.com","officecdn.microsoft.com","officecdn.microsoft.com.edgesuite.net","officepreviewredir.microsoft.com","officeredir.microsoft.com","ols.officeapps.live.com","r.office.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":19,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["cdn.odc.officeapps.live.com","odc.officeapps.live.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":20,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.svc.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":21,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["msteamsstatics.blob.core.usgovcloudapi.net","statics.teams.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":23,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office365.us","*.usgovcloud-static.microsoft","*.usgovcloud-usercontent.microsoft","*.usgovcloud.microsoft"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":24,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["lpcres.delve.office.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":25,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cdn.office.net"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":26,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.security.microsoft.us","compliance.microsoft.us","purview.microsoft.us","scc.office365.us","security.microsoft.us"],"ips":["20.158.112.0/21","52.127.240.0/20","2001:489a:2209::/49"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":28,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activity.windows.com","gcc-high.activity.windows.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":29,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["gcch-mtis.cortana.ai"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":30,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aadrm.us","*.informationprotection.azure.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":31,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.gov.teams.microsoft.us","gov.teams.microsoft.us"],"ips":["13.72.144.0/20","52.127.88.0/21","104.212.44.0/22","2001:489a:2240::/44"],"tcpPorts":"80, 443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":32,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["tb.events.data.microsoft.com","tb.pipe.aria.microsoft.com"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false}]}},"otherEndpoints":[{"row":1,"scenario":"import-service","purpose":"Uploading PST and other files to the Import Service over the network","direction":"outbound","scope":"client","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the Import Service article for the endpoints."},{"row":2,"scenario":"support-recovery-assistant","purpose":"Microsoft Support and Recovery Assistant diagnostics","direction":"outbound","scope":"server","destinations":{"hosts":["autodiscover.outlook.com","officecdn.microsoft.com","api.diagnostics.office.com","apibasic.diagnostics.office.com","autodiscover-s.outlook.com","cloudcheckenabler.azurewebsites.net","login.live.com","login.microsoftonline.com","login.windows.net","o365diagtelemetry.trafficmanager.net","odc.officeapps.live.com","offcatedge.azureedge.net","officeapps.live.com","outlook.office365.com","outlookdiagnostics.azureedge.net","sara.api.support.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"Every name is written as an https:// URL, hence TCP 443."},{"row":3,"scenario":"entra-connect-sso-inbound","purpose":"Microsoft Entra Connect with single sign-on reaching the customer\'s AD FS servers (WinRM, remote PowerShell)","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[]},"note":"The endpoints are the customer\'s own STS (AD FS server and AD FS proxy) on TCP 80 and 443; the table gives no Microsoft addresses for the connecting side."},{"row":4,"scenario":"sts-federation-inbound","purpose":"Microsoft 365 reaching the customer\'s STS, such as an AD FS proxy, for federated sign-in","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"443,49443","udpPorts":"","tcpPortRanges":[[443,443],[49443,49443]],"udpPortRanges":[]},"note":"The endpoint is the customer\'s own STS; TCP 49443 is only used with client TLS certificate authentication. The table gives no Microsoft addresses for the connecting side."},{"row":5,"scenario":"exchange-um-sbc","purpose":"Exchange Online Unified Messaging with an on-premises session border controller","direction":"bidirectional","scope":"server","destinations":{"hosts":["*.um.outlook.com"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The Destination column says the traffic flows both ways between the SBC and *.um.outlook.com; the Type column calls it outbound server-only traffic. No ports are given."},{"row":6,"scenario":"exchange-mailbox-migration-inbound","purpose":"Exchange Online connecting to the customer\'s published EWS/MRS proxy to migrate mailboxes","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The endpoint is the customer\'s EWS/MRS proxy on TCP 443. The connecting addresses are those of the Exchange Online service area of the web service, which the endpoint sets already hold."},{"row":7,"scenario":"exchange-hybrid-coexistence-inbound","purpose":"Exchange hybrid coexistence, such as free/busy sharing, reaching the on-premises Exchange server","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The endpoint is the customer\'s Exchange server; the table gives no addresses or ports."},{"row":8,"scenario":"exchange-hybrid-proxy-auth-inbound","purpose":"Exchange hybrid proxy authentication against the customer\'s on-premises STS","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The endpoint is the customer\'s STS; the table gives no addresses or ports."},{"row":9,"scenario":"exchange-hybrid-wizard","part":"worldwide","purpose":"Running the Exchange Hybrid Configuration Wizard (only while configuring hybrid)","direction":"outbound","scope":"server","clouds":["worldwide"],"destinations":{"hosts":["*.store.core.windows.net","asl.configure.office.com","tds.configure.office.com","mshybridservice.trafficmanager.net","aka.ms","shcwreleaseprod.blob.core.windows.net"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table lists these for Worldwide Commercial and GCC without ports. It writes two of them with a path: aka.ms/hybridwizard and shcwreleaseprod.blob.core.windows.net/shcw/*."},{"row":9,"scenario":"exchange-hybrid-wizard","part":"usgov","purpose":"Running the Exchange Hybrid Configuration Wizard (only while configuring hybrid)","direction":"outbound","scope":"server","clouds":["usgovdod","usgovgcchigh"],"destinations":{"hosts":[],"ips":["40.118.209.192/32","168.62.190.41/32"],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table lists these addresses for GCC High and DoD without ports."},{"row":9,"scenario":"exchange-2010-hybrid-wizard","purpose":"Running the Exchange 2010 SP3 Hybrid Configuration Wizard","direction":"outbound","scope":"server","destinations":{"hosts":["domains.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[]},"note":"Only the Exchange 2010 SP3 wizard needs this name; the table does not restrict it to a cloud."},{"row":10,"scenario":"exchange-autodetect-inbound","purpose":"The AutoDetect service reaching the on-premises Exchange server, for hybrid modern authentication with Outlook for iOS and Android","direction":"inbound","scope":"server","destinations":{"hosts":["<email_domain>.outlookmobile.com","<email_domain>.outlookmobile.us"],"ips":["52.125.128.0/20","52.127.96.0/23"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The service connects to the customer\'s Exchange server on TCP 443. The two names hold the customer\'s mail domain and add no requirement; the table does not say which cloud uses which name or address, so the record applies to every cloud."},{"row":11,"scenario":"exchange-hybrid-entra-auth","purpose":"Microsoft Entra authentication for Exchange hybrid","direction":"outbound","scope":"server","destinations":{"hosts":["*.msappproxy.net"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table says TCP but gives no port."},{"row":12,"scenario":"skype-legacy-screen-sharing","purpose":"Screen sharing of Skype for Business clients in Office 2013 and earlier, RDP over TCP 443","direction":"outbound","scope":"client","destinations":{"hosts":[],"ips":["52.112.0.0/14"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"Skype for Business in Office 2016 and later shares screens as video over UDP instead."},{"row":13,"scenario":"skype-hybrid-server","purpose":"On-premises Skype for Business servers connecting to Skype for Business Online in a hybrid setup","direction":"outbound","scope":"server","destinations":{"hosts":[],"ips":["13.107.64.0/18","52.112.0.0/14"],"tcpPorts":"50000-59999,5061","udpPorts":"50000-59999","tcpPortRanges":[[5061,5061],[50000,59999]],"udpPortRanges":[[50000,59999]]}},{"row":14,"scenario":"cloud-pstn-hybrid-inbound","purpose":"Cloud PSTN with on-premises hybrid connectivity reaching the on-premises hosts","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the Skype for Business hybrid connectivity planning article."},{"row":15,"scenario":"trusted-sites-identity","purpose":"Authentication and identity name that must be in the browser\'s Trusted Sites zone","direction":"outbound","scope":"trusted-sites","destinations":{"hosts":["secure.aadcdn.microsoftonline-p.com"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"A browser zone setting rather than a firewall rule; no ports are given."},{"row":16,"scenario":"trusted-sites-teams","purpose":"Microsoft Teams names in the browser\'s Trusted Sites zone, with first- and third-party cookies enabled","direction":"outbound","scope":"trusted-sites","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table names no hosts: it refers to the Teams names of the web service and to a \\"row 14\\" that no longer holds the suite-wide names."},{"row":17,"scenario":"trusted-sites-sharepoint","purpose":"SharePoint Online and OneDrive names that contain the tenant, in the browser\'s Trusted Sites zone","direction":"outbound","scope":"trusted-sites","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table names no hosts; the names are the tenant-specific SharePoint names of the web service."},{"row":18,"scenario":"trusted-sites-yammer","purpose":"Yammer names in the browser\'s Trusted Sites zone, with the signed-in user passed through the proxy","direction":"outbound","scope":"trusted-sites","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table names no hosts."},{"row":19,"scenario":"entra-connect-sync","purpose":"Microsoft Entra Connect synchronising on-premises accounts to Microsoft Entra ID","direction":"outbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the Microsoft Entra hybrid identity port and connectivity articles."},{"row":20,"scenario":"azure-ad-connect-21vianet","part":"crl","purpose":"Microsoft Entra Connect syncing accounts to Microsoft Entra ID operated by 21Vianet","direction":"outbound","scope":"server","clouds":["china"],"destinations":{"hosts":["*.digicert.com","*.entrust.net"],"ips":[],"tcpPorts":"80","udpPorts":"","tcpPortRanges":[[80,80]],"udpPortRanges":[]},"note":"The certificate authorities\' names, on port 80 as the table writes them."},{"row":20,"scenario":"azure-ad-connect-21vianet","part":"service","purpose":"Microsoft Entra Connect syncing accounts to Microsoft Entra ID operated by 21Vianet","direction":"outbound","scope":"server","clouds":["china"],"destinations":{"hosts":["*.chinacloudapi.cn","secure.aadcdn.partner.microsoftonline-p.cn","*.partner.microsoftonline.cn"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The service names, on port 443 as the table writes them."},{"row":21,"scenario":"microsoft-stream","purpose":"Microsoft Stream (with the user\'s Microsoft Entra token)","direction":"inbound","scope":"server","clouds":["worldwide"],"destinations":{"hosts":["*.cloudapp.net","*.api.microsoftstream.com","*.notification.api.microsoftstream.com","amp.azure.net","api.microsoftstream.com","az416426.vo.msecnd.net","s0.assets-yammer.com","vortex.data.microsoft.com","web.microsoftstream.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"Listed for Worldwide including GCC. The Type column says inbound server traffic although the names are Microsoft services that clients reach."},{"row":22,"scenario":"mfa-server","purpose":"Multifactor authentication server, new installations and setup with AD DS","direction":"outbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the MFA Server deployment article."},{"row":23,"scenario":"graph-change-notifications","part":"worldwide","purpose":"Microsoft Graph delivering change notifications to the customer\'s webhook","direction":"inbound","scope":"server","clouds":["worldwide"],"destinations":{"hosts":[],"ips":["52.159.23.209","52.159.17.84","13.78.204.0","52.148.24.136","52.148.27.39","52.147.213.251","52.147.213.181","20.127.53.125","40.76.162.99","40.76.162.42","70.37.95.92","70.37.95.11","70.37.92.195","70.37.93.191","70.37.90.219","20.9.36.45","20.9.35.166","20.9.36.128","20.9.37.73","20.9.37.76","20.96.21.67","20.69.245.215","104.46.117.15","20.96.21.98","20.96.21.115","137.135.11.161","137.135.11.116","20.253.156.113","137.135.11.222","137.135.11.250","52.159.107.50","52.159.107.4","52.159.124.33","52.159.109.205","52.159.102.72","20.98.68.182","20.98.68.57","20.98.68.200","20.98.68.203","20.98.68.218","20.171.81.121","20.25.189.138","20.171.82.192","20.171.83.146","20.171.83.157","52.142.114.29","52.142.115.31","20.223.139.245","51.104.159.213","51.104.159.181","51.124.75.43","51.124.73.177","104.40.209.182","51.138.90.7","51.138.90.52","20.199.102.157","20.199.102.73","20.216.150.67","20.111.9.46","20.111.9.77","13.87.81.123","13.87.81.35","20.90.99.1","13.87.81.133","13.87.81.141","20.91.212.211","20.91.212.136","20.91.213.57","20.91.208.88","20.91.209.147","20.44.210.83","20.44.210.146","20.212.153.162","52.148.115.48","52.148.114.238","40.80.232.177","40.80.232.118","52.231.196.24","40.80.233.14","40.80.239.196","20.48.12.75","20.48.11.201","20.89.108.161","20.48.14.35","20.48.15.147","104.215.13.23","104.215.6.169","20.89.240.165","104.215.18.55","104.215.12.254","20.20.32.0/19","20.190.128.0/18","20.231.128.0/19","40.126.0.0/18","2603:1006:2000::/48","2603:1007:200::/48","2603:1016:1400::/48","2603:1017::/48","2603:1026:3000::/48","2603:1027:1::/48","2603:1036:3000::/48","2603:1037:1::/48","2603:1046:2000::/48","2603:1047:1::/48","2603:1056:2000::/48","2603:1057:2::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The addresses for the public cloud. Subscriptions may name ports other than 443."},{"row":23,"scenario":"graph-change-notifications","part":"usgov","purpose":"Microsoft Graph delivering change notifications to the customer\'s webhook","direction":"inbound","scope":"server","clouds":["usgovdod","usgovgcchigh"],"destinations":{"hosts":[],"ips":["52.244.33.45","52.244.35.174","52.243.157.104","52.243.157.105","52.182.25.254","52.182.25.110","52.181.25.67","52.181.25.66","52.244.111.156","52.244.111.170","52.243.147.249","52.243.148.19","52.182.32.51","52.182.32.143","52.181.24.199","52.181.24.220","20.140.232.0/23","52.126.194.0/23","2001:489a:3500::/50"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The addresses for Microsoft Cloud for US Government. Subscriptions may name ports other than 443."},{"row":23,"scenario":"graph-change-notifications","part":"china","purpose":"Microsoft Graph delivering change notifications to the customer\'s webhook","direction":"inbound","scope":"server","clouds":["china"],"destinations":{"hosts":[],"ips":["42.159.72.35","42.159.72.47","42.159.180.55","42.159.180.56","40.125.138.23","40.125.136.69","40.72.155.199","40.72.155.216","40.72.70.0/23","52.130.2.32/27","52.130.3.64/27","52.130.17.192/27","52.130.18.32/27","2406:e500:5500::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The addresses for the cloud operated by 21Vianet. Subscriptions may name ports other than 443."},{"row":24,"scenario":"network-connectivity-status-indicator","purpose":"Windows 10 and 11 checking that the computer is online; without it Microsoft 365 Apps stop checking activation and connections fail","direction":"outbound","scope":"server","destinations":{"hosts":["www.msftconnecttest.com"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"Windows clients need this name; the Type column calls it outbound server-only traffic. No ports are given."},{"row":25,"scenario":"teams-mobile-push-notifications","purpose":"Push notifications to the Teams app on Android and Apple devices","direction":"outbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the Google Firebase and Apple push notification port documents."}]}');
;// CONCATENATED MODULE: ./src/catalogue/embedded.ts

/**
 * The catalogue built by scripts/build-catalogue.ts and bundled with the action. The JSON's
 * inferred type is wider than {@link Catalogue} (plain strings for enums, arrays for tuples);
 * the schema test and the build's own validation vouch for the narrower one.
 */
const EMBEDDED_CATALOGUE = catalogue_namespaceObject;

// EXTERNAL MODULE: ./src/cli-help.ts
var cli_help = __webpack_require__(321);
;// CONCATENATED MODULE: ./src/model/finding.ts
const SEVERITIES = ['error', 'warning', 'notice'];
function severityRank(s) {
    return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}
/** The one table of rules: id, default severity and help. Used by every reporter. */
const RULES = {
    'missing-endpoint': {
        id: 'missing-endpoint',
        severity: 'error',
        title: 'Required endpoint missing',
        help: 'A Microsoft 365 endpoint that the selected catalogue requires is not allowed by any entry. Severity follows the endpoint set: error for Optimize and Allow, warning for Default, notice for optional sets.',
    },
    'partially-covered': {
        id: 'partially-covered',
        severity: 'warning',
        title: 'Required endpoint only partly allowed',
        help: 'Entries allow some but not all of what a requirement needs: some names of a wildcard, part of an address range, or not all of its ports.',
    },
    'extraneous-entry': {
        id: 'extraneous-entry',
        severity: 'warning',
        title: 'Entry not in the Microsoft 365 catalogue',
        help: 'In a file dedicated to Microsoft 365, nothing in the cloud’s catalogue (any endpoint set, optional or not, or the other-endpoints rows) matches this entry.',
    },
    'outside-selection': {
        id: 'outside-selection',
        severity: 'notice',
        title: 'Entry matched only by endpoint sets outside the selection',
        help: 'The entry belongs to Microsoft 365, but only to endpoint sets that the selected service areas, categories or options leave out.',
    },
    'over-broad-entry': {
        id: 'over-broad-entry',
        severity: 'warning',
        title: 'Entry far broader than required',
        help: 'The entry allows much more than Microsoft 365 needs: every name, a public suffix such as *.com, a whole registrable domain where only some names are required, 0.0.0.0/0, or a prefix far larger than anything required.',
    },
    'redundant-entry': {
        id: 'redundant-entry',
        severity: 'notice',
        title: 'Entry adds nothing',
        help: 'An exact duplicate, or an entry that is not itself a catalogue pattern and is already covered by another entry of the same allowlist.',
    },
    'host-bits-set': {
        id: 'host-bits-set',
        severity: 'warning',
        title: 'Prefix written with host bits set',
        help: 'The address has bits set beyond the prefix length (10.1.2.3/8). Firewalls disagree on what this means; write the network address.',
    },
    'invalid-entry': {
        id: 'invalid-entry',
        severity: 'error',
        title: 'Malformed entry',
        help: 'The entry cannot be read. It is ignored for coverage; the rest of the file is still checked.',
    },
    'unsupported-entry': {
        id: 'unsupported-entry',
        severity: 'notice',
        title: 'Entry read but not understood',
        help: 'The entry is valid in its format, but its meaning cannot be compared with the catalogue (for example a path part of a URL, or an unresolved interpolation).',
    },
    'stale-entry': {
        id: 'stale-entry',
        severity: 'warning',
        title: 'Entry only a removed endpoint needed',
        help: 'Nothing in the current catalogue matches the entry, but an endpoint that Microsoft has since removed did: the message names the version that removed it and the endpoint set it belonged to. The entry can go. A notice in mixed scope.',
    },
    'upcoming-endpoint': {
        id: 'upcoming-endpoint',
        severity: 'notice',
        title: 'Endpoint required from a future date',
        help: 'Microsoft publishes new endpoints about 30 days before they go live. The endpoint is not allowed yet and is required from the effective date the web service gives; on that date it becomes a normal requirement (missing-endpoint).',
    },
    'dns-missing-record': {
        id: 'dns-missing-record',
        severity: 'error',
        title: 'DNS record that Microsoft 365 needs is missing',
        help: 'A domain lacks a record its Microsoft 365 cloud requires for a service the domain uses (MX, SPF, autodiscover, Teams federation, Intune, DKIM, or msoid in 21Vianet). The finding sits where the record belongs and gives the record to add in the file’s own syntax. Severity follows the record: error for mail, warning for Teams, Intune, DKIM and msoid.',
    },
    'dns-wrong-value': {
        id: 'dns-wrong-value',
        severity: 'error',
        title: 'DNS record with the wrong value',
        help: 'The record exists but points somewhere Microsoft 365 does not expect: another target, another cloud’s target, another record type, another SRV port, or a target written without its trailing dot in a zone file, which expands inside the zone. A wrong SRV priority or weight alone is a warning.',
    },
    'dns-forbidden-record': {
        id: 'dns-forbidden-record',
        severity: 'error',
        title: 'DNS record that must not exist',
        help: 'The record breaks Microsoft 365 in this cloud: an msoid CNAME outside 21Vianet stops Office from activating. An _autodiscover._tcp SRV record at a domain that uses Exchange Online is a warning: Outlook can follow it to another mail system.',
    },
    'dns-legacy-record': {
        id: 'dns-legacy-record',
        severity: 'notice',
        title: 'DNS record no longer needed',
        help: 'A Skype for Business Online record (sip, lyncdiscover, _sip._tls) that the current Microsoft 365 record list no longer has. 21Vianet still requires them.',
    },
    'dns-mx-preference': {
        id: 'dns-mx-preference',
        severity: 'error',
        title: 'Microsoft 365 MX does not have the best preference',
        help: 'Another MX record of the domain has a preference number lower than or equal to the Microsoft 365 MX, so mail goes to the other system first, or to either at random.',
    },
    'dns-multiple-mx': {
        id: 'dns-multiple-mx',
        severity: 'warning',
        title: 'MX record beside the Microsoft 365 MX',
        help: 'Besides its Microsoft 365 MX, the domain has an MX record for another mail system. Senders use it whenever Exchange Online is unreachable or slow to answer, and spammers use it on purpose, so mail can bypass Exchange Online.',
    },
    'dns-spf-missing-include': {
        id: 'dns-spf-missing-include',
        severity: 'error',
        title: 'SPF record without Microsoft 365’s include',
        help: 'The SPF record does not include the cloud’s Exchange Online SPF domain, so mail that Microsoft 365 sends for the domain fails SPF.',
    },
    'dns-spf-multiple': {
        id: 'dns-spf-multiple',
        severity: 'error',
        title: 'More than one SPF record',
        help: 'A name may have only one v=spf1 TXT record; with two, receivers return a permanent error and SPF fails for all mail. Merge them into one.',
    },
    'dns-spf-invalid': {
        id: 'dns-spf-invalid',
        severity: 'error',
        title: 'Malformed SPF record',
        help: 'The SPF record breaks the syntax of RFC 7208, so receivers return a permanent error and SPF fails for all mail.',
    },
    'dns-spf-lookups': {
        id: 'dns-spf-lookups',
        severity: 'error',
        title: 'SPF record needs more than 10 DNS lookups',
        help: 'Evaluating the record takes more than the 10 DNS lookups RFC 7208 allows (include, a, mx, ptr, exists and redirect, nested includes counted), so receivers return a permanent error. Counted offline from the checked files and the known cost of Microsoft’s includes; an include loop is reported here too.',
    },
    'dns-spf-all': {
        id: 'dns-spf-all',
        severity: 'warning',
        title: 'SPF record with a weak or misplaced all',
        help: 'The record ends without -all: +all lets every server pass (error), ?all or no all at all gives unknown senders a neutral result (warning), ~all only marks them (notice). Terms after all are never evaluated (warning).',
    },
    'dns-spf-unknown-include': {
        id: 'dns-spf-unknown-include',
        severity: 'notice',
        title: 'SPF include whose lookup cost is not known',
        help: 'The included domain is neither in the checked files nor in the known data, so the DNS lookups it causes cannot be counted offline; the count is a lower bound.',
    },
    'dns-not-served': {
        id: 'dns-not-served',
        severity: 'warning',
        title: 'DNS record below a delegation',
        help: 'The record sits at or below a name that the zone delegates to other name servers (an NS record below the apex), so resolvers ask those servers and never see it. Put it in the delegated zone instead.',
    },
    'dns-cname-conflict': {
        id: 'dns-cname-conflict',
        severity: 'error',
        title: 'CNAME beside other records',
        help: 'A name with a CNAME record can have no other record (RFC 1034 §3.6.2); DNS servers refuse the zone or answer unpredictably.',
    },
    'dns-duplicate-record': {
        id: 'dns-duplicate-record',
        severity: 'notice',
        title: 'Duplicate DNS record',
        help: 'The same record (name, type and data) is written twice; DNS keeps one, and some providers refuse the change.',
    },
    'dns-domain-not-found': {
        id: 'dns-domain-not-found',
        severity: 'warning',
        title: 'Configured domain in no DNS file',
        help: 'A domain named in the configuration is not inside any zone of the checked DNS files, so its records cannot be checked.',
    },
};

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(1916);
;// CONCATENATED MODULE: ./src/model/suggest.ts

/**
 * The known name closest to what was written, for "did you mean": compared case-insensitively and
 * ignoring `-`, `_` and spaces (`serviceAreas` → `service-areas`), within a third of its length
 * or with the same letters in another order.
 */
function suggest(written, known) {
    const w = fold(written);
    if (w === '')
        return undefined;
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const name of known) {
        const d = (0,mod/* distance */.Io)(w, fold(name));
        if (d < bestDistance || (d === bestDistance && best !== undefined && name < best)) {
            best = name;
            bestDistance = d;
        }
    }
    if (best === undefined)
        return undefined;
    const b = fold(best);
    // Within a third of the length, or the same letters in another order (`plian`).
    return bestDistance <= Math.max(1, Math.floor(Math.max(w.length, b.length) / 3)) ||
        sorted(w) === sorted(b)
        ? best
        : undefined;
}
/** `; did you mean "x"?` or the empty string. */
function didYouMean(written, known) {
    const s = suggest(written, known);
    return s === undefined ? '' : `; did you mean "${s}"?`;
}
function sorted(s) {
    return [...s].sort().join('');
}
function fold(s) {
    return s.toLowerCase().replace(/[-_\s]/g, '');
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(8280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
// EXTERNAL MODULE: ./node_modules/tldts/dist/cjs/index.js
var cjs = __webpack_require__(935);
;// CONCATENATED MODULE: ./src/model/parsed.ts
const ok = (value) => ({ ok: true, value });
const fail = (error) => ({ ok: false, error });

;// CONCATENATED MODULE: ./src/model/host.ts




const MAX_LABEL = 63;
const MAX_NAME = 253;
/** tldts options: inputs are already canonical host names, so skip URL extraction and validation. */
const ICANN_ONLY = { extractHostname: false, validateHostname: false, detectIp: false };
const WITH_PRIVATE = { ...ICANN_ONLY, allowPrivateDomains: true };
/**
 * A DNS name or name pattern, canonical (lower case, punycode, no trailing dot). Immutable.
 *
 * A pattern is a lead (see {@link HostLead}) followed by label globs, matched
 * right-aligned against a name's labels. A label glob is a literal label, `*`
 * (exactly one label, e.g. the tenant in `autodiscover.*.onmicrosoft.com`), or
 * a label with `*` inside (`*cdn`, `*-admin`) where `*` matches zero or more
 * characters but never a dot. Lengths of names are not bounded here: the
 * 63/253 limits constrain what is written, not the algebra.
 */
class HostPattern {
    /** Canonical text: `*.sharepoint.com`, `.example.com`, `autodiscover.*.onmicrosoft.com`. */
    text;
    lead;
    /** The label globs after the lead, joined by dots (`sharepoint.com` for `*.sharepoint.com`; empty for `*`). */
    fixed;
    /** True when the pattern can match more than one name (any lead, or `*` in a label). */
    isWildcard;
    /** The fixed suffix after the last wildcard, e.g. "onmicrosoft.com" for "autodiscover.*.onmicrosoft.com". */
    base;
    // Computed on first use: parsing a large list must not pay for splitting or for tldts lookups.
    #labels;
    #isPublicSuffix;
    #registrable;
    constructor(lead, fixed, text) {
        this.lead = lead;
        this.fixed = fixed;
        this.text =
            text ??
                (lead === 'exact' ? fixed : lead === 'zeroOrMore' ? `.${fixed}` : fixed ? `*.${fixed}` : '*');
        const star = fixed.lastIndexOf('*');
        this.isWildcard = lead !== 'exact' || star >= 0;
        if (star < 0)
            this.base = fixed;
        else {
            const dot = fixed.indexOf('.', star);
            this.base = dot < 0 ? '' : fixed.slice(dot + 1);
        }
    }
    /** Label globs after the lead, left to right. */
    get labels() {
        return (this.#labels ??= this.fixed === '' ? [] : this.fixed.split('.'));
    }
    static parse(text, options) {
        const trimmed = text.trim();
        if (trimmed === '')
            return fail('host name is empty');
        let s = trimmed;
        if (hasNonAscii(s)) {
            const converted = toAsciiLabels(s);
            if (!converted.ok)
                return converted;
            s = converted.value;
        }
        // One pass for the alphabet, one for the label structure, no allocation on the way: lists can have a
        // million lines. Anything outside the alphabet goes to `explain` for a precise message.
        let hasUpper = false;
        let hasStar = false;
        for (let i = 0; i < s.length; i++) {
            const c = s.charCodeAt(i);
            if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95)
                continue;
            if (c >= 65 && c <= 90)
                hasUpper = true;
            else if (c === 42)
                hasStar = true;
            else
                return fail(explain(trimmed, s));
        }
        if (hasUpper)
            s = s.toLowerCase();
        let oneLabel = false;
        if (hasStar && s.includes('**')) {
            if (options?.cilium && s.startsWith('**.') && !s.includes('**', 1))
                s = s.slice(1);
            else
                return fail(options?.cilium
                    ? `${quote(trimmed)} has "**" where Cilium gives it no meaning (only a leading "**." means any number of labels)`
                    : `${quote(trimmed)} has "**", which this format gives no meaning; write "*"`);
        }
        else if (options?.cilium &&
            s.length > 1 &&
            s.charCodeAt(0) === 42 &&
            s.charCodeAt(1) === 46) {
            oneLabel = true;
        }
        let lead = 'exact';
        let start = 0;
        let end = s.length;
        if (end > 1 && s.charCodeAt(end - 1) === 46)
            end--;
        if (s.charCodeAt(0) === 46) {
            lead = 'zeroOrMore';
            start = 1;
        }
        let wildcardLabels = 0;
        let labelStart = start;
        let labelHasStar = false;
        let labelAllDigits = true;
        for (let i = start; i <= end; i++) {
            const c = i < end ? s.charCodeAt(i) : 46;
            if (c !== 46) {
                if (c === 42)
                    labelHasStar = true;
                else if (c < 48 || c > 57)
                    labelAllDigits = false;
                continue;
            }
            const length = i - labelStart;
            if (length === 0)
                return fail(`${quote(trimmed)} has an empty label`);
            if (length > MAX_LABEL)
                return fail(`${quote(trimmed)} has a label of ${length} characters (at most ${MAX_LABEL})`);
            if (labelHasStar)
                wildcardLabels++;
            if (i < end) {
                labelStart = i + 1;
                labelHasStar = false;
                labelAllDigits = true;
            }
        }
        if (end - start > MAX_NAME) {
            return fail(`${quote(trimmed)} is ${end - start} characters long (at most ${MAX_NAME})`);
        }
        if (wildcardLabels > 0 && lead === 'zeroOrMore') {
            return fail(`${quote(trimmed)} combines a leading dot with a wildcard`);
        }
        if (wildcardLabels > 1)
            return fail(`${quote(trimmed)} has more than one wildcard label`);
        if (labelAllDigits && !labelHasStar) {
            if (isIPv4(s.slice(start, end)))
                return fail(`${quote(trimmed)} is an IP address, not a host name`);
            return fail(`${quote(trimmed)} ends in an all-numeric label`);
        }
        if (lead === 'exact' &&
            !oneLabel &&
            s.charCodeAt(0) === 42 &&
            (end === 1 || s.charCodeAt(1) === 46)) {
            return ok(new HostPattern('oneOrMore', end === 1 ? '' : s.slice(2, end), end === s.length ? s : undefined));
        }
        if (lead === 'exact' && wildcardLabels === 0 && options?.bareMeansSubtree) {
            return ok(new HostPattern('zeroOrMore', s.slice(0, end)));
        }
        const canonical = end === s.length ? s : s.slice(0, end);
        return ok(new HostPattern(lead, lead === 'exact' ? canonical : canonical.slice(1), canonical));
    }
    /** Parses text that is known to be valid (catalogue data, tests); throws otherwise. */
    static of(text, options) {
        const parsed = HostPattern.parse(text, options);
        if (!parsed.ok)
            throw new Error(parsed.error);
        return parsed.value;
    }
    /** Whether the concrete name (no wildcards) is matched. */
    matches(name) {
        const n = canonicalName(name);
        if (!this.isWildcard)
            return n === this.text;
        const base = this.base;
        if (base.length === this.text.length - 2 && this.lead === 'oneOrMore') {
            // `*.x`, the common case.
            return (n.length > base.length + 1 &&
                n.endsWith(base) &&
                n.charCodeAt(n.length - base.length - 1) === 46);
        }
        if (this.lead === 'zeroOrMore') {
            return n === base || (n.endsWith(base) && n.charCodeAt(n.length - base.length - 1) === 46);
        }
        const nameLabels = n.split('.');
        const k = this.labels.length;
        const extra = nameLabels.length - k;
        if (this.lead === 'exact' ? extra !== 0 : extra < minLead(this.lead))
            return false;
        for (let i = 0; i < k; i++) {
            const label = nameLabels[extra + i];
            if (label === '' || !globMatches(this.labels[i], label))
                return false;
        }
        for (let i = 0; i < extra; i++)
            if (nameLabels[i] === '')
                return false;
        return true;
    }
    /** full: every name `required` matches is matched by this; partial: some but not all; none: no name in common. */
    coverage(required) {
        if (this.covers(required))
            return 'full';
        return this.intersects(required) ? 'partial' : 'none';
    }
    /** Every name `other` matches is matched by this (language containment). */
    covers(other) {
        if (!other.isWildcard)
            return this.matches(other.text);
        if (!this.isWildcard)
            return false;
        // Every label count `other` allows must be allowed here.
        const otherMin = other.labels.length + minLead(other.lead);
        const thisMin = this.labels.length + minLead(this.lead);
        if (this.lead === 'exact') {
            if (other.lead !== 'exact' || otherMin !== thisMin)
                return false;
        }
        else if (otherMin < thisMin) {
            return false;
        }
        // Then, right-aligned, each of our label globs must contain what `other` allows at that position:
        // its own glob, or any label where its lead stands.
        const k = this.labels.length;
        const n = other.labels.length;
        for (let i = 1; i <= k; i++) {
            const mine = this.labels[k - i];
            if (i > n) {
                if (mine !== '*')
                    return false;
            }
            else if (!globIncludes(mine, other.labels[n - i])) {
                return false;
            }
        }
        return true;
    }
    /** Some name is matched by both patterns. */
    intersects(other) {
        if (!other.isWildcard)
            return this.matches(other.text);
        if (!this.isWildcard)
            return other.matches(this.text);
        const aMin = this.labels.length + minLead(this.lead);
        const bMin = other.labels.length + minLead(other.lead);
        // The label counts must overlap; beyond the shorter glob list one side is a lead, which takes any label.
        if (this.lead === 'exact' && other.lead === 'exact') {
            if (aMin !== bMin)
                return false;
        }
        else if (this.lead === 'exact') {
            if (aMin < bMin)
                return false;
        }
        else if (other.lead === 'exact') {
            if (bMin < aMin)
                return false;
        }
        const k = this.labels.length;
        const n = other.labels.length;
        for (let i = 1; i <= Math.min(k, n); i++) {
            if (!globIntersects(this.labels[k - i], other.labels[n - i]))
                return false;
        }
        return true;
    }
    /** Replace a wildcard label in the middle (`autodiscover.*.onmicrosoft.com`) by the tenant label. Unchanged if none. */
    withTenant(tenant) {
        const index = this.labels.indexOf('*');
        if (index < 0)
            return this;
        const label = tenant.trim().toLowerCase();
        // Tenant names come from configuration, which the schema validates; a bad one here is a programming error.
        if (!/^[a-z0-9_-]{1,63}$/.test(label))
            throw new Error(`tenant ${quote(tenant)} is not a single DNS label`);
        const labels = [...this.labels];
        labels[index] = label;
        return new HostPattern(this.lead, labels.join('.'));
    }
    /**
     * Why this pattern is too broad to be an allowlist entry, or undefined: `*`, `*.com`, `.com`, `*.co.uk`, or any
     * wildcard/subtree whose base is a public suffix (ICANN or private section, via tldts). Private-section suffixes
     * count because each name under them belongs to a different owner (`*.cloudapp.net` admits every tenant's app).
     */
    overBreadth() {
        if (!this.isWildcard)
            return undefined;
        if (this.fixed === '')
            return `${quote(this.text)} matches every host name`;
        if (this.base === '')
            return `${quote(this.text)} leaves the top-level domain open`;
        if (this.#baseIsPublicSuffix()) {
            return `${quote(this.text)} matches names of any owner under the public suffix ${quote(this.base)}`;
        }
        return undefined;
    }
    /**
     * Registrable domain of the pattern's fixed part (ICANN section of the public suffix list), e.g. "sharepoint.com"
     * for "*.contoso.sharepoint.com"; undefined for public suffixes. ICANN only, so that Microsoft's own suffixes
     * that sit in the private section (`cloudapp.net`, `blob.core.windows.net`) still group under their domain.
     */
    registrableDomain() {
        if (this.#registrable === undefined) {
            this.#registrable = this.base === '' ? null : (0,cjs/* getDomain */.FB)(this.base, ICANN_ONLY);
        }
        return this.#registrable ?? undefined;
    }
    /** The text, except that Cilium's one-label `*.x` is told apart from `*.x` (one or more labels). */
    key() {
        return this.lead === 'exact' &&
            this.fixed.charCodeAt(0) === 42 &&
            this.fixed.charCodeAt(1) === 46
            ? `{1}${this.text.slice(1)}`
            : this.text;
    }
    toString() {
        return this.text;
    }
    /** Only listed suffixes count: tldts treats any unknown last label (`.corp`, `.local`) as a suffix too. */
    #baseIsPublicSuffix() {
        if (this.#isPublicSuffix === undefined) {
            const result = (0,cjs/* parse */.qg)(this.base, WITH_PRIVATE);
            const listed = result.isIcann === true || result.isPrivate === true;
            this.#isPublicSuffix = listed && result.publicSuffix === this.base;
        }
        return this.#isPublicSuffix;
    }
}
/** Orders patterns by key, for deterministic output. */
function compareHostPatterns(a, b) {
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}
function minLead(lead) {
    return lead === 'oneOrMore' ? 1 : 0;
}
function quote(text) {
    return `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
}
function hasNonAscii(s) {
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) > 127)
            return true;
    return false;
}
function isDigits(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57)
            return false;
    }
    return s.length > 0;
}
function isIPv4(s) {
    const parts = s.split('.');
    return parts.length === 4 && parts.every((p) => isDigits(p) && p.length <= 3 && Number(p) <= 255);
}
const IDNA_DOTS = /[.\u3002\uff0e\uff61]/;
const NOT_HOST_CHAR = /[\s/:@*?#[\]\\]/;
/**
 * Converts labels written in Unicode to punycode. Labels that also carry characters no host name may have are left
 * alone so that `explain` can name the real problem (a scheme, a path) instead of a failed conversion.
 */
function toAsciiLabels(s) {
    const labels = s.split(IDNA_DOTS);
    for (let i = 0; i < labels.length; i++) {
        const label = labels[i];
        if (!hasNonAscii(label))
            continue;
        if (label.includes('*') && !/[\s/:@]/.test(label)) {
            return fail(`${quote(s)} mixes a wildcard with non-ASCII characters in one label`);
        }
        if (NOT_HOST_CHAR.test(label))
            continue;
        const ascii = (0,external_node_url_.domainToASCII)(label);
        if (ascii === '' || ascii.includes('.'))
            return fail(`${quote(s)} is not a valid internationalised domain name`);
        labels[i] = ascii;
    }
    return ok(labels.join('.'));
}
/** The precise reason text with a character outside the host-name alphabet is not a host pattern. */
function explain(original, s) {
    const q = quote(original);
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(s);
    if (scheme)
        return `${q} has a scheme: remove "${scheme[0]}"`;
    const slash = s.indexOf('/');
    const address = slash < 0 ? s : s.slice(0, slash);
    const isRange = slash >= 0 && /^\d{1,3}$/.test(s.slice(slash + 1));
    const colonAt = address.indexOf(':');
    const beforePort = colonAt >= 0 && colonAt === address.lastIndexOf(':') ? address.slice(0, colonAt) : address;
    if (isIPv4(beforePort) || (address.includes(':') && ipaddr_default().IPv6.isValid(address))) {
        return `${q} is an IP ${isRange ? 'range' : 'address'}, not a host name`;
    }
    const space = /\s/.exec(s);
    if (space)
        return `${q} contains ${space[0] === ' ' ? 'a space' : 'whitespace'}`;
    if (slash >= 0)
        return `${q} has a path: remove "${s.slice(slash)}"`;
    const colon = s.indexOf(':');
    if (colon >= 0 && /^\d+$/.test(s.slice(colon + 1)))
        return `${q} has a port: remove "${s.slice(colon)}"`;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        const allowed = (c >= 97 && c <= 122) ||
            (c >= 65 && c <= 90) ||
            (c >= 48 && c <= 57) ||
            c === 46 ||
            c === 45 ||
            c === 95;
        if (!allowed && c !== 42) {
            const ch = String.fromCodePoint(s.codePointAt(i));
            return `${q} contains "${ch}", which is not allowed in a host name`;
        }
    }
    return `${q} is not a host name`;
}
/** Lower case, no trailing dot, punycode: the form `matches` compares. */
function canonicalName(name) {
    let n = name;
    if (hasNonAscii(n))
        n = n
            .split(IDNA_DOTS)
            .map((l) => (hasNonAscii(l) ? (0,external_node_url_.domainToASCII)(l) || l : l))
            .join('.');
    for (let i = 0; i < n.length; i++) {
        const c = n.charCodeAt(i);
        if (c >= 65 && c <= 90) {
            n = n.toLowerCase();
            break;
        }
    }
    return n.length > 1 && n.endsWith('.') ? n.slice(0, -1) : n;
}
// ---- Label globs -------------------------------------------------------------------------------------------------
// A glob is a label in which `*` stands for zero or more characters (never a dot); consecutive stars are collapsed.
// Labels are never empty, so only non-empty strings belong to a glob's language.
/** Whether the non-empty label matches the glob (iterative, backtracking only to the last star). */
function globMatches(glob, label) {
    if (!glob.includes('*'))
        return glob === label;
    if (label === '')
        return false;
    let g = 0;
    let l = 0;
    let starG = -1;
    let starL = 0;
    while (l < label.length) {
        const gc = glob.charCodeAt(g);
        if (g < glob.length && gc === 42) {
            starG = g++;
            starL = l;
        }
        else if (g < glob.length && gc === label.charCodeAt(l)) {
            g++;
            l++;
        }
        else if (starG >= 0) {
            g = starG + 1;
            l = ++starL;
        }
        else {
            return false;
        }
    }
    while (g < glob.length && glob.charCodeAt(g) === 42)
        g++;
    return g === glob.length;
}
/** Whether every label `inner` matches is matched by `outer`. */
function globIncludes(outer, inner) {
    if (outer === inner || outer === '*')
        return true;
    if (!inner.includes('*'))
        return globMatches(outer, inner);
    if (!outer.includes('*'))
        return false; // `inner` matches infinitely many labels, `outer` one.
    const o = singleStar(outer);
    const i = singleStar(inner);
    // p1*s1 contains p2*s2 exactly when p1 starts p2 and s1 ends s2: a longer p1 would fix a character that `inner`
    // leaves free, and with both inside `inner`'s fixed parts they cannot overlap.
    if (o && i)
        return i[0].startsWith(o[0]) && i[1].endsWith(o[1]);
    // Subset construction over both globs at once: a reachable pair where `inner` accepts and `outer` does not
    // is a label in `inner` but not in `outer`.
    return !explore(inner, outer, (innerAccepts, outerAccepts) => innerAccepts && !outerAccepts);
}
/** Whether some label is matched by both globs. */
function globIntersects(a, b) {
    if (a === b || a === '*' || b === '*')
        return true;
    if (!a.includes('*'))
        return globMatches(b, a);
    if (!b.includes('*'))
        return globMatches(a, b);
    const sa = singleStar(a);
    const sb = singleStar(b);
    // Compatible prefixes and suffixes suffice: the longer prefix followed by the longer suffix is in both.
    if (sa && sb)
        return compatible(sa[0], sb[0], true) && compatible(sa[1], sb[1], false);
    return explore(a, b, (aAccepts, bAccepts) => aAccepts && bAccepts);
}
/** Prefix and suffix around the only star of a glob, or undefined when it has none or several. */
function singleStar(glob) {
    const star = glob.indexOf('*');
    if (star < 0 || glob.indexOf('*', star + 1) >= 0)
        return undefined;
    return [glob.slice(0, star), glob.slice(star + 1)];
}
/** One string is a prefix (or suffix) of the other. */
function compatible(x, y, prefix) {
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    return prefix ? long.startsWith(short) : long.endsWith(short);
}
/** Characters a label may contain; the letters used by neither glob all behave alike, so one stands for them. */
const LABEL_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-_';
/**
 * Breadth-first search over pairs of NFA state sets of two globs (state i = "i characters of the glob consumed"),
 * after at least one character; true when `found` holds for some reachable pair. Globs are at most 63 characters,
 * so sets fit comfortably in sorted arrays.
 */
function explore(a, b, found) {
    const symbols = [];
    for (const ch of new Set(a + b))
        if (ch !== '*')
            symbols.push(ch.charCodeAt(0));
    const other = [...LABEL_ALPHABET].find((ch) => !a.includes(ch) && !b.includes(ch));
    if (other !== undefined)
        symbols.push(other.charCodeAt(0));
    const startA = closure(a, [0]);
    const startB = closure(b, [0]);
    const seen = new Set([`${startA}|${startB}`]);
    const queue = [[startA, startB]];
    while (queue.length > 0) {
        const [sa, sb] = queue.shift();
        for (const c of symbols) {
            const na = step(a, sa, c);
            const nb = step(b, sb, c);
            if (found(na.includes(a.length), nb.includes(b.length)))
                return true;
            // Once both sets are empty nothing further is reachable; one empty side may still matter to `found`.
            if (na.length === 0 && nb.length === 0)
                continue;
            const key = `${na}|${nb}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            queue.push([na, nb]);
        }
    }
    return false;
}
function closure(glob, states) {
    const out = new Set();
    for (let s of states) {
        out.add(s);
        while (s < glob.length && glob.charCodeAt(s) === 42)
            out.add(++s);
    }
    return [...out].sort((x, y) => x - y);
}
function step(glob, states, c) {
    const next = [];
    for (const s of states) {
        if (s >= glob.length)
            continue;
        const g = glob.charCodeAt(s);
        if (g === 42)
            next.push(s);
        else if (g === c)
            next.push(s + 1);
    }
    return closure(glob, next);
}

;// CONCATENATED MODULE: ./src/model/ip.ts

/**
 * Copies `w`-word first and last addresses out of scratch space into a block's own array. Blocks
 * hold plain arrays (small typed arrays cost far more to allocate, and a list parser makes one
 * block per line), built as one literal so the engine stores the words unboxed from the start.
 */
function pairOf(s, w) {
    return w === 1 ? [s[0], s[1]] : [s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]];
}
const TWO32 = 0x1_0000_0000;
const MAX32 = 0xffff_ffff;
const wordCount = (family) => (family === 4 ? 1 : 4);
const bitCount = (family) => (family === 4 ? 32 : 128);
/** Lexicographic comparison of two W-word addresses. */
function cmp(a, ai, b, bi, w) {
    for (let k = 0; k < w; k++) {
        const x = a[ai + k];
        const y = b[bi + k];
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
/** True when address `b` is address `a` plus one. */
function isNext(a, ai, b, bi, w) {
    let k = w - 1;
    while (k >= 0 && a[ai + k] === MAX32) {
        if (b[bi + k] !== 0)
            return false;
        k--;
    }
    if (k < 0)
        return false;
    if (b[bi + k] !== a[ai + k] + 1)
        return false;
    for (k--; k >= 0; k--)
        if (a[ai + k] !== b[bi + k])
            return false;
    return true;
}
/** True when an interval starting at `start` overlaps or directly follows one ending at `end`. */
function touches(end, ei, start, si, w) {
    return cmp(start, si, end, ei, w) <= 0 || isNext(end, ei, start, si, w);
}
function copy(dst, di, src, si, w) {
    for (let k = 0; k < w; k++)
        dst[di + k] = src[si + k];
}
/** dst = src + 1; the caller guarantees src is not the last address. */
function copyNext(dst, di, src, si, w) {
    let carry = 1;
    for (let k = w - 1; k >= 0; k--) {
        const x = src[si + k] + carry;
        carry = x === TWO32 ? 1 : 0;
        dst[di + k] = carry ? 0 : x;
    }
}
/** dst = src - 1; the caller guarantees src is not address zero. */
function copyPrev(dst, di, src, si, w) {
    let borrow = 1;
    for (let k = w - 1; k >= 0; k--) {
        const x = src[si + k] - borrow;
        borrow = x < 0 ? 1 : 0;
        dst[di + k] = borrow ? MAX32 : x;
    }
}
function ctz32(x) {
    return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}
function trailingZeros(a, ai, w) {
    let n = 0;
    for (let k = w - 1; k >= 0; k--) {
        const x = a[ai + k];
        if (x !== 0)
            return n + ctz32(x);
        n += 32;
    }
    return n;
}
function trailingOnes(a, ai, w) {
    let n = 0;
    for (let k = w - 1; k >= 0; k--) {
        const x = a[ai + k];
        if (x !== MAX32)
            return n + ctz32(~x);
        n += 32;
    }
    return n;
}
function bitLength(a, ai, w) {
    for (let k = 0; k < w; k++) {
        const x = a[ai + k];
        if (x !== 0)
            return (w - k) * 32 - Math.clz32(x);
    }
    return 0;
}
/** out = a - b (a >= b). */
function diff(out, a, ai, b, bi, w) {
    let borrow = 0;
    for (let k = w - 1; k >= 0; k--) {
        let x = a[ai + k] - b[bi + k] - borrow;
        borrow = x < 0 ? 1 : 0;
        if (borrow)
            x += TWO32;
        out[k] = x;
    }
}
/** a += 2^bit, in place; the caller guarantees no overflow past the top word. */
function addPow2(a, bit, w) {
    let k = w - 1 - (bit >>> 5);
    let x = a[k] + 2 ** (bit & 31);
    while (x >= TWO32 && k > 0) {
        a[k] = x - TWO32;
        k--;
        x = a[k] + 1;
    }
    a[k] = x;
}
/**
 * Writes the first and last address of the `len`-bit prefix containing `addr` into `out`
 * (first at 0, last at w).
 */
function maskInto(out, addr, ai, len, w) {
    for (let k = 0; k < w; k++) {
        const x = addr[ai + k];
        const kept = len - 32 * k;
        if (kept >= 32) {
            out[k] = x;
            out[w + k] = x;
        }
        else if (kept <= 0) {
            out[k] = 0;
            out[w + k] = MAX32;
        }
        else {
            const m = (MAX32 << (32 - kept)) >>> 0;
            const lo = (x & m) >>> 0;
            out[k] = lo;
            out[w + k] = (lo | ~m) >>> 0;
        }
    }
}
/**
 * The prefix length of [first, last] when that interval is exactly one aligned CIDR block,
 * else undefined. Scratch `d` must hold w words.
 */
function exactPrefix(a, fi, li, w, d) {
    diff(d, a, li, a, fi, w);
    const len = bitLength(d, 0, w);
    if (trailingOnes(d, 0, w) !== len)
        return undefined;
    if (trailingZeros(a, fi, w) < len)
        return undefined;
    return w * 32 - len;
}
function toBigInt(a, ai, w) {
    if (w === 1)
        return BigInt(a[ai]);
    let v = 0n;
    for (let k = 0; k < w; k++)
        v = (v << 32n) | BigInt(a[ai + k]);
    return v;
}
// ---------------------------------------------------------------------------------------------
// Text
function formatV4(x) {
    return `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`;
}
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16));
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hexGroup = (x) => (x < 256 ? HEX[x] : HEX[x >>> 8] + HEX2[x & 255]);
const g16 = [0, 0, 0, 0, 0, 0, 0, 0];
const textParts = [];
/**
 * Fills `textParts` with the RFC 5952 text of an IPv6 address: lower-case, no leading zeros, the
 * longest run (leftmost on ties) of two or more zero groups as "::", IPv4-mapped addresses with a
 * dotted quad (section 5).
 */
function v6Parts(a, ai) {
    const parts = textParts;
    parts.length = 0;
    if (a[ai] === 0 && a[ai + 1] === 0 && a[ai + 2] === 0xffff) {
        parts.push('::ffff:', formatV4(a[ai + 3]));
        return parts;
    }
    const g = g16;
    for (let k = 0; k < 4; k++) {
        const x = a[ai + k];
        g[2 * k] = x >>> 16;
        g[2 * k + 1] = x & 0xffff;
    }
    let bestAt = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
        if (g[i] !== 0) {
            i++;
            continue;
        }
        let j = i + 1;
        while (j < 8 && g[j] === 0)
            j++;
        if (j - i > bestLen) {
            bestAt = i;
            bestLen = j - i;
        }
        i = j;
    }
    for (let i = 0; i < 8; i++) {
        if (i === bestAt) {
            parts.push('::');
            i += bestLen - 1;
            continue;
        }
        if (i > 0 && i !== bestAt + bestLen)
            parts.push(':');
        parts.push(hexGroup(g[i]));
    }
    return parts;
}
/*
 * Joined rather than concatenated piece by piece: the result is one flat string, not a tree of
 * partial strings, which matters when half a million of them are kept.
 */
function formatV6(a, ai, suffix = '') {
    const parts = v6Parts(a, ai);
    parts.push(suffix);
    return parts.join('');
}
/**
 * The canonical text of the IPv6 address parsed from text[0, end), reusing `text` itself when it
 * was already written canonically (the usual case), so no new string is made.
 */
function canonicalV6(a, text, end, len) {
    const parts = v6Parts(a, 0);
    let at = 0;
    for (const p of parts) {
        if (!text.startsWith(p, at))
            return formatV6(a, 0, `/${len}`);
        at += p.length;
    }
    if (at !== end)
        return formatV6(a, 0, `/${len}`);
    // A prefix length that parsed has no leading zeros, so what follows the address is canonical.
    return end === text.length ? `${text}/${len}` : text;
}
function formatAddress(a, ai, w) {
    return w === 1 ? formatV4(a[ai]) : formatV6(a, ai);
}
const quoted = (s) => `"${s}"`;
/** Parses dotted-quad IPv4 in s[start, end); returns the address or an error message. */
function parseV4(s, start, end, whole) {
    let value = 0;
    let octets = 0;
    let i = start;
    for (;;) {
        const begin = i;
        let n = 0;
        while (i < end) {
            const c = s.charCodeAt(i);
            if (c < 48 || c > 57)
                break;
            n = n * 10 + (c - 48);
            i++;
        }
        if (i === begin) {
            if (i < end && s.charCodeAt(i) !== 46)
                return `unexpected character ${quoted(s.charAt(i))} in ${quoted(whole)}`;
            return `empty octet in ${quoted(whole)}`;
        }
        if (i - begin > 1 && s.charCodeAt(begin) === 48)
            return `octet ${quoted(s.slice(begin, i))} has a leading zero (ambiguous octal) in ${quoted(whole)}`;
        if (n > 255)
            return `octet ${s.slice(begin, i)} is out of range (0-255) in ${quoted(whole)}`;
        if (++octets > 4)
            return `too many octets in ${quoted(whole)} (expected 4)`;
        value = value * 256 + n;
        if (i === end)
            break;
        if (s.charCodeAt(i) !== 46)
            return `unexpected character ${quoted(s.charAt(i))} in ${quoted(whole)}`;
        i++;
        if (i === end)
            return `empty octet in ${quoted(whole)}`;
    }
    if (octets < 4)
        return `too few octets in ${quoted(whole)} (expected 4)`;
    return value;
}
function hexDigit(c) {
    if (c >= 48 && c <= 57)
        return c - 48;
    if (c >= 97 && c <= 102)
        return c - 87;
    if (c >= 65 && c <= 70)
        return c - 55;
    return -1;
}
const groups = new Array(8).fill(0);
/**
 * Parses IPv6 text in s[start, end) into four words at out[oi]; returns an error message or
 * undefined. Zone ids are rejected by the caller.
 */
function parseV6(s, start, end, whole, out, oi) {
    const at = quoted(whole);
    let n = 0;
    let gap = -1;
    let i = start;
    if (s.charCodeAt(i) === 58) {
        if (s.charCodeAt(i + 1) !== 58 || i + 1 >= end)
            return `address starts with a single ":" in ${at}`;
        gap = 0;
        i += 2;
        if (i < end && s.charCodeAt(i) === 58)
            return `":::" is not valid in ${at}`;
    }
    while (i < end) {
        const begin = i;
        let v = 0;
        while (i < end) {
            const d = hexDigit(s.charCodeAt(i));
            if (d < 0)
                break;
            v = v * 16 + d;
            i++;
        }
        if (i < end && s.charCodeAt(i) === 46) {
            // A trailing dotted quad stands for the last two groups.
            if (n > 6)
                return `too many groups in ${at}`;
            const v4 = parseV4(s, begin, end, whole);
            if (typeof v4 === 'string')
                return v4;
            groups[n++] = v4 >>> 16;
            groups[n++] = v4 & 0xffff;
            i = end;
            break;
        }
        if (i === begin)
            return `unexpected character ${quoted(s.charAt(i))} in ${at}`;
        if (i - begin > 4)
            return `group ${quoted(s.slice(begin, i))} has more than 4 hex digits in ${at}`;
        if (n === 8)
            return `too many groups in ${at}`;
        groups[n++] = v;
        if (i === end)
            break;
        if (s.charCodeAt(i) !== 58)
            return `unexpected character ${quoted(s.charAt(i))} in ${at}`;
        i++;
        if (i === end)
            return `address ends with a single ":" in ${at}`;
        if (s.charCodeAt(i) === 58) {
            if (gap >= 0)
                return `more than one "::" in ${at}`;
            gap = n;
            i++;
            if (i < end && s.charCodeAt(i) === 58)
                return `":::" is not valid in ${at}`;
        }
    }
    if (gap >= 0) {
        // "::" stands for at least one zero group (RFC 4291 section 2.2).
        if (n > 7)
            return `too many groups in ${at}`;
        const zeros = 8 - n;
        for (let k = n - 1; k >= gap; k--)
            groups[k + zeros] = groups[k];
        for (let k = gap; k < gap + zeros; k++)
            groups[k] = 0;
    }
    else if (n < 8) {
        return `too few groups in ${at} (expected 8, or "::")`;
    }
    for (let k = 0; k < 4; k++)
        out[oi + k] = groups[2 * k] * 0x10000 + groups[2 * k + 1];
    return undefined;
}
/** Parses one address (either family) in s[start, end) into `out` at `oi`; returns its family or an error. */
function parseAddress(s, start, end, whole, out, oi) {
    let colon = false;
    for (let i = start; i < end; i++) {
        if (s.charCodeAt(i) === 58) {
            colon = true;
            break;
        }
    }
    if (!colon) {
        const c = s.charCodeAt(start);
        if (c < 48 || c > 57)
            return `${quoted(whole)} is not an IP address`;
        const v = parseV4(s, start, end, whole);
        if (typeof v === 'string')
            return v;
        out[oi] = v;
        return 4;
    }
    const zone = s.indexOf('%', start);
    if (zone >= 0 && zone < end)
        return `zone id ${quoted(s.slice(zone, end))} is not allowed in ${quoted(whole)}`;
    return parseV6(s, start, end, whole, out, oi) ?? 6;
}
/** Parses a prefix length in s[start, end) for `family`; returns it or an error. */
function parseLength(s, start, whole, family) {
    const text = s.slice(start);
    if (text === '')
        return `missing prefix length after "/" in ${quoted(whole)}`;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57)
            return `invalid prefix length ${quoted(text)} in ${quoted(whole)}`;
        n = n * 10 + (c - 48);
    }
    // Same rule as octets: "08" reads differently to different tools, so it is refused.
    if (text.length > 1 && text.charCodeAt(0) === 48)
        return `prefix length ${quoted(text)} has a leading zero in ${quoted(whole)}`;
    const max = bitCount(family);
    if (n > max)
        return `prefix length ${text} is out of range for IPv${family} (0-${max}) in ${quoted(whole)}`;
    return n;
}
function isSpace(c) {
    return c === 32 || c === 9;
}
// ---------------------------------------------------------------------------------------------
// IpBlock
let makeBlock;
let wordsOf;
/** An address block as written: a prefix `a/len`, a bare address (= /32 or /128), or a range `a-b`. Immutable. */
class IpBlock {
    family;
    /**
     * Canonical text as written: `10.1.2.3/8` keeps its host bits, a bare address gains `/32` or
     * `/128`, IPv6 is RFC 5952 text, a range stays `a-b`.
     */
    text;
    /** Undefined for a range that is not exactly one CIDR block. */
    prefixLength;
    /** `10.1.2.3/8`: reported by callers, never silently fixed. */
    hasHostBits;
    /** First address then last address (after masking), each as big-endian 32-bit words. */
    #w;
    #first;
    #last;
    #masked;
    static {
        makeBlock = (family, text, prefixLength, hasHostBits, w) => new IpBlock(family, text, prefixLength, hasHostBits, w);
        wordsOf = (b) => b.#w;
    }
    constructor(family, text, prefixLength, hasHostBits, w) {
        this.family = family;
        this.text = text;
        this.prefixLength = prefixLength;
        this.hasHostBits = hasHostBits;
        this.#w = w;
    }
    /** First address covered (after masking), inclusive. */
    get first() {
        return (this.#first ??= toBigInt(this.#w, 0, this.#w.length >>> 1));
    }
    /** Last address covered, inclusive. */
    get last() {
        const w = this.#w.length >>> 1;
        return (this.#last ??= toBigInt(this.#w, w, w));
    }
    /** Number of addresses. */
    size() {
        return this.last - this.first + 1n;
    }
    /** The network itself: `10.1.2.3/8` becomes `10.0.0.0/8`; other blocks are returned as they are. */
    masked() {
        if (!this.hasHostBits)
            return this;
        return (this.#masked ??= makeBlock(this.family, `${formatAddress(this.#w, 0, this.#w.length >>> 1)}/${this.prefixLength}`, this.prefixLength, false, this.#w));
    }
    contains(other) {
        if (other.family !== this.family)
            return false;
        const w = this.#w.length >>> 1;
        const o = other.#w;
        return cmp(o, 0, this.#w, 0, w) >= 0 && cmp(o, w, this.#w, w, w) <= 0;
    }
    overlaps(other) {
        if (other.family !== this.family)
            return false;
        const w = this.#w.length >>> 1;
        const o = other.#w;
        return cmp(o, 0, this.#w, w, w) <= 0 && cmp(o, w, this.#w, 0, w) >= 0;
    }
    key() {
        return this.text;
    }
    toString() {
        return this.text;
    }
    /** IPv4 before IPv6, then by first address, then by last; text breaks the remaining ties. */
    /**
     * Positions of `blocks` in `compareWidestFirst` order, ties in input order. Keys are copied
     * into typed arrays first: for hundreds of thousands of blocks this is several times faster
     * than sorting the blocks with a comparator.
     */
    static orderWidestFirst(blocks) {
        const n = blocks.length;
        const words = new Uint32Array(n * 8);
        const family = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
            const b = blocks[i];
            const w = b.#w;
            const half = w.length >>> 1;
            family[i] = b.family;
            // IPv4 uses one word per address; place it last so both families compare the same way.
            for (let k = 0; k < half; k++) {
                words[i * 8 + 4 - half + k] = w[k];
                words[i * 8 + 8 - half + k] = w[half + k];
            }
        }
        const order = new Uint32Array(n);
        for (let i = 0; i < n; i++)
            order[i] = i;
        return order.sort((a, b) => {
            if (family[a] !== family[b])
                return family[a] - family[b];
            const x = a * 8;
            const y = b * 8;
            for (let k = 0; k < 4; k++) {
                const p = words[x + k];
                const q = words[y + k];
                if (p !== q)
                    return p < q ? -1 : 1;
            }
            for (let k = 4; k < 8; k++) {
                const p = words[x + k];
                const q = words[y + k];
                if (p !== q)
                    return p > q ? -1 : 1;
            }
            return a - b;
        });
    }
    /** Family, then first address ascending, then wider first: a covering block sorts before what it covers. */
    static compareWidestFirst(a, b) {
        if (a.family !== b.family)
            return a.family - b.family;
        const w = a.#w.length >>> 1;
        return cmp(a.#w, 0, b.#w, 0, w) || cmp(b.#w, w, a.#w, w, w);
    }
    static compare(a, b) {
        if (a.family !== b.family)
            return a.family - b.family;
        const w = a.#w.length >>> 1;
        return (cmp(a.#w, 0, b.#w, 0, w) ||
            cmp(a.#w, w, b.#w, w, w) ||
            (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    }
}
const scratchAddr = [0, 0, 0, 0, 0, 0, 0, 0];
const scratchPair = [0, 0, 0, 0, 0, 0, 0, 0];
const scratchDiff = [0, 0, 0, 0];
/**
 * One pass over the commonest form, a well-formed `a.b.c.d` or `a.b.c.d/len`; anything else
 * (including every error) returns undefined and takes the general path, which owns the messages.
 */
function parsePlainV4(text) {
    const n = text.length;
    let i = 0;
    let value = 0;
    for (let octet = 0;; octet++) {
        if (i >= n)
            return undefined;
        const c0 = text.charCodeAt(i++) - 48;
        if (c0 < 0 || c0 > 9)
            return undefined;
        let v = c0;
        if (c0 !== 0) {
            while (i < n) {
                const c = text.charCodeAt(i) - 48;
                if (c < 0 || c > 9)
                    break;
                v = v * 10 + c;
                i++;
            }
            if (v > 255)
                return undefined;
        }
        value = value * 256 + v;
        if (octet === 3)
            break;
        if (i >= n || text.charCodeAt(i++) !== 46)
            return undefined;
    }
    let len = 32;
    const bare = i === n;
    if (!bare) {
        if (text.charCodeAt(i++) !== 47 || i >= n)
            return undefined;
        len = text.charCodeAt(i++) - 48;
        if (len < 0 || len > 9)
            return undefined;
        if (i < n) {
            const c = text.charCodeAt(i++) - 48;
            if (len === 0 || c < 0 || c > 9 || i < n)
                return undefined;
            len = len * 10 + c;
            if (len > 32)
                return undefined;
        }
    }
    const mask = len === 0 ? 0 : (MAX32 << (32 - len)) >>> 0;
    const first = (value & mask) >>> 0;
    const last = (first | ~mask) >>> 0;
    return makeBlock(4, bare ? `${text}/32` : text, len, first !== value, [first, last]);
}
/**
 * Parses `1.2.3.4`, `10.0.0.0/8`, `10.1.2.3/8` (kept, with hasHostBits), `2001:db8::/32`,
 * `::ffff:1.2.3.4`, and ranges `10.0.0.1-10.0.0.9` (spaces around the dash allowed).
 * Leading zeros in octets and prefix lengths, zone ids and mixed-family ranges are refused.
 */
function parseIpBlock(text) {
    const v4 = parsePlainV4(text);
    if (v4 !== undefined)
        return ok(v4);
    if (text === '')
        return fail('empty address');
    const slash = text.indexOf('/');
    const dash = text.indexOf('-');
    if (dash >= 0 && (slash < 0 || dash !== slash + 1))
        return parseRange(text, dash, slash);
    if (slash === 0)
        return fail(`missing address before "/" in ${quoted(text)}`);
    const end = slash < 0 ? text.length : slash;
    const a = scratchAddr;
    const family = parseAddress(text, 0, end, text, a, 0);
    if (typeof family === 'string')
        return fail(family);
    const len = slash < 0 ? bitCount(family) : parseLength(text, slash + 1, text, family);
    if (typeof len === 'string')
        return fail(len);
    const w = wordCount(family);
    const pair = scratchPair;
    maskInto(pair, a, 0, len, w);
    const hostBits = cmp(a, 0, pair, 0, w) !== 0;
    const words = pairOf(pair, w);
    // Dotted quads without leading zeros are already canonical, so IPv4 text is kept as written.
    const canonical = family === 4 ? (slash < 0 ? `${text}/32` : text) : canonicalV6(a, text, end, len);
    return ok(makeBlock(family, canonical, len, hostBits, words));
}
function parseRange(text, dash, slash) {
    if (slash >= 0)
        return fail(`a range cannot have a prefix length in ${quoted(text)}`);
    let le = dash;
    while (le > 0 && isSpace(text.charCodeAt(le - 1)))
        le--;
    let rs = dash + 1;
    while (rs < text.length && isSpace(text.charCodeAt(rs)))
        rs++;
    if (le === 0)
        return fail(`missing range start before "-" in ${quoted(text)}`);
    if (rs === text.length)
        return fail(`missing range end after "-" in ${quoted(text)}`);
    const a = scratchAddr;
    const fa = parseAddress(text, 0, le, text, a, 0);
    if (typeof fa === 'string')
        return fail(fa);
    const fb = parseAddress(text, rs, text.length, text, a, 4);
    if (typeof fb === 'string')
        return fail(fb);
    if (fa !== fb)
        return fail(`range ${quoted(text)} mixes IPv4 and IPv6`);
    const w = wordCount(fa);
    const pair = scratchPair;
    copy(pair, 0, a, 0, w);
    copy(pair, w, a, 4, w);
    const words = pairOf(pair, w);
    if (cmp(words, w, words, 0, w) < 0)
        return fail(`range ${quoted(text)} ends before it starts`);
    const canonical = `${formatAddress(words, 0, w)}-${formatAddress(words, w, w)}`;
    return ok(makeBlock(fa, canonical, exactPrefix(words, 0, w, w, scratchDiff), false, words));
}
/**
 * Cheap test used by list parsers to decide that a token is meant as an IP address, so that a
 * malformed one is reported as such rather than read as a host name: digits with dots, slashes
 * and dashes (`10.0.0.0/8`, `10.0.0.1-10.0.0.9`, `300.1.1.1`), or hex with at least two colons
 * (`2001:db8::/32`, `fe80::1%eth0`).
 */
function looksLikeIp(text) {
    let colons = 0;
    let digits = 0;
    let dotsOrSlashes = 0;
    let letters = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57)
            digits++;
        else if (c === 58)
            colons++;
        else if (c === 46 || c === 47)
            dotsOrSlashes++;
        else if (c === 45)
            continue;
        else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70))
            letters++;
        else if (c === 37 && colons >= 2)
            return true;
        else
            return false;
    }
    if (colons >= 2)
        return true;
    return colons === 0 && letters === 0 && digits > 0 && dotsOrSlashes > 0;
}
// ---------------------------------------------------------------------------------------------
// Interval lists: Uint32Array of [start words, end words] per interval, sorted, disjoint, and
// never adjacent (touching intervals are merged), so equal sets have equal arrays.
const EMPTY = new Uint32Array(0);
/**
 * Sorts n keys of w words each; `scratch` is a buffer of the same size, and the result is in
 * either `keys` or `scratch`. IPv4 uses the engine's numeric typed-array sort; IPv6 an LSD radix
 * sort on 16-bit digits. Buffers are reused because large typed arrays are memory outside the
 * heap, and allocating much of it makes the engine collect the whole (possibly large) heap.
 */
function sortKeys(keys, scratch, n, w) {
    if (w === 1)
        return keys.sort();
    if (n < 256) {
        const order = Array.from({ length: n }, (_, i) => i);
        order.sort((x, y) => cmp(keys, x * w, keys, y * w, w));
        for (let i = 0; i < n; i++)
            copy(scratch, i * w, keys, order[i] * w, w);
        return scratch;
    }
    return radixSort128(keys, scratch, n);
}
/** Digit counts for the radix sort, kept between calls (2 MiB, made on first use). */
let radixCounts;
/**
 * LSD radix sort of n 128-bit keys (four words each) on 16-bit digits. One pass counts every
 * digit; a digit that is the same in every key is skipped, and prefixes have long zero (or
 * all-ones) tails, so lists of real prefixes take about half the passes.
 */
function radixSort128(keys, scratch, n) {
    const counts = (radixCounts ??= new Uint32Array(8 * 65536));
    counts.fill(0);
    for (let i = 0; i < 4 * n; i += 4) {
        for (let word = 0; word < 4; word++) {
            const x = keys[i + word];
            const base = (3 - word) * 2 * 65536;
            counts[base + (x & 0xffff)]++;
            counts[base + 65536 + (x >>> 16)]++;
        }
    }
    let src = keys;
    let dst = scratch;
    for (let digit = 0; digit < 8; digit++) {
        const word = 3 - (digit >>> 1);
        const shift = (digit & 1) * 16;
        const base = digit * 65536;
        if (counts[base + ((keys[word] >>> shift) & 0xffff)] === n)
            continue;
        let sum = 0;
        for (let d = base; d < base + 65536; d++) {
            const c = counts[d];
            counts[d] = sum;
            sum += c;
        }
        for (let i = 0; i < 4 * n; i += 4) {
            const o = counts[base + ((src[i + word] >>> shift) & 0xffff)]++ * 4;
            dst[o] = src[i];
            dst[o + 1] = src[i + 1];
            dst[o + 2] = src[i + 2];
            dst[o + 3] = src[i + 3];
        }
        const t = src;
        src = dst;
        dst = t;
    }
    return src;
}
/**
 * Merges n intervals given as separate start and end key arrays (both are reordered). Sorting
 * starts and ends on their own is enough: pairing the i-th smallest start with the i-th smallest
 * end gives intervals with the same union, and avoids sorting records.
 */
function buildList(starts, ends, n, w) {
    if (n === 0)
        return EMPTY;
    if (w === 1)
        return buildList32(starts.sort(), ends.sort(), n);
    let scratch = new Uint32Array(starts.length);
    const s = sortKeys(starts, scratch, n, w);
    if (s === scratch)
        scratch = starts;
    const e = sortKeys(ends, scratch, n, w);
    // Count first, so the result is allocated once at its final size.
    let m = 1;
    for (let i = 1; i < n; i++)
        if (!touches(e, (i - 1) * w, s, i * w, w))
            m++;
    const out = new Uint32Array(2 * w * m);
    let k = 0;
    let from = 0;
    for (let i = 1; i < n; i++) {
        if (touches(e, (i - 1) * w, s, i * w, w))
            continue;
        copy(out, k, s, from * w, w);
        copy(out, k + w, e, (i - 1) * w, w);
        k += 2 * w;
        from = i;
    }
    copy(out, k, s, from * w, w);
    copy(out, k + w, e, (n - 1) * w, w);
    return out;
}
/** buildList for sorted IPv4 keys, in plain number arithmetic: a list parser calls it once, cold. */
function buildList32(s, e, n) {
    let m = 1;
    for (let i = 1; i < n; i++)
        if (s[i] > e[i - 1] + 1)
            m++;
    const out = new Uint32Array(2 * m);
    let k = 0;
    out[0] = s[0];
    for (let i = 1; i < n; i++) {
        if (s[i] <= e[i - 1] + 1)
            continue;
        out[k + 1] = e[i - 1];
        out[k + 2] = s[i];
        k += 2;
    }
    out[k + 1] = e[n - 1];
    return out;
}
function unionLists(a, b, w) {
    if (b.length === 0)
        return a;
    if (a.length === 0)
        return b;
    const r = 2 * w;
    const na = a.length / r;
    const nb = b.length / r;
    const out = new Uint32Array(a.length + b.length);
    let m = -1;
    let i = 0;
    let j = 0;
    while (i < na || j < nb) {
        let src;
        let off;
        if (j >= nb || (i < na && cmp(a, i * r, b, j * r, w) <= 0)) {
            src = a;
            off = i++ * r;
        }
        else {
            src = b;
            off = j++ * r;
        }
        if (m >= 0 && touches(out, m * r + w, src, off, w)) {
            if (cmp(src, off + w, out, m * r + w, w) > 0)
                copy(out, m * r + w, src, off + w, w);
        }
        else {
            m++;
            copy(out, m * r, src, off, r);
        }
    }
    return out.slice(0, (m + 1) * r);
}
function subtractLists(a, b, w) {
    if (a.length === 0 || b.length === 0)
        return a;
    const m = subtractInto(null, a, b, w);
    const out = new Uint32Array(m * 2 * w);
    subtractInto(out, a, b, w);
    return out;
}
/**
 * Writes a minus b into `out` (when given) and returns the number of intervals. Run twice, to
 * count and then to fill, so that a small set minus a huge one allocates only what it keeps.
 */
function subtractInto(out, a, b, w) {
    const r = 2 * w;
    const na = a.length / r;
    const nb = b.length / r;
    const cur = new Uint32Array(w);
    let m = 0;
    let j = 0;
    for (let i = 0; i < na; i++) {
        const as = i * r;
        const ae = as + w;
        copy(cur, 0, a, as, w);
        j = firstEndingAtOrAfter(b, j, cur, 0, w);
        let open = true;
        while (j < nb && cmp(b, j * r, a, ae, w) <= 0) {
            const bs = j * r;
            if (cmp(b, bs, cur, 0, w) > 0) {
                if (out) {
                    copy(out, m * r, cur, 0, w);
                    copyPrev(out, m * r + w, b, bs, w);
                }
                m++;
            }
            // This b interval may reach into the next a interval: keep j on it.
            if (cmp(b, bs + w, a, ae, w) >= 0) {
                open = false;
                break;
            }
            copyNext(cur, 0, b, bs + w, w);
            j++;
        }
        if (open) {
            if (out) {
                copy(out, m * r, cur, 0, w);
                copy(out, m * r + w, a, ae, w);
            }
            m++;
        }
    }
    return m;
}
function intersectLists(a, b, w) {
    if (a.length === 0 || b.length === 0)
        return EMPTY;
    const m = intersectInto(null, a, b, w);
    const out = new Uint32Array(m * 2 * w);
    intersectInto(out, a, b, w);
    return out;
}
/** Writes a intersect b into `out` (when given) and returns the number of intervals. */
function intersectInto(out, a, b, w) {
    const r = 2 * w;
    const na = a.length / r;
    const nb = b.length / r;
    let m = 0;
    let i = 0;
    let j = 0;
    for (;;) {
        // Skip, in big steps, what ends before the other side's current interval starts.
        i = firstEndingAtOrAfter(a, i, b, j * r, w);
        if (i >= na)
            break;
        j = firstEndingAtOrAfter(b, j, a, i * r, w);
        if (j >= nb)
            break;
        const ai = i * r;
        const bi = j * r;
        const aStartsLater = cmp(a, ai, b, bi, w) >= 0;
        const lo = aStartsLater ? a : b;
        const loAt = aStartsLater ? ai : bi;
        const aEndsFirst = cmp(a, ai + w, b, bi + w, w) <= 0;
        const hi = aEndsFirst ? a : b;
        const hiAt = (aEndsFirst ? ai : bi) + w;
        if (cmp(lo, loAt, hi, hiAt, w) <= 0) {
            if (out) {
                copy(out, m * r, lo, loAt, w);
                copy(out, m * r + w, hi, hiAt, w);
            }
            m++;
        }
        if (aEndsFirst)
            i++;
        else
            j++;
        if (i >= na || j >= nb)
            break;
    }
    return m;
}
/**
 * The first interval at or after `from` whose end is at or after the address x[xi] (or the
 * interval count). Gallops: one step when the answer is near, a binary search when it is far.
 */
function firstEndingAtOrAfter(list, from, x, xi, w) {
    const r = 2 * w;
    const n = list.length / r;
    if (from >= n || cmp(list, from * r + w, x, xi, w) >= 0)
        return from;
    // Invariant: the interval at lo ends before x; the answer is in (lo, hi].
    let lo = from;
    let step = 1;
    let hi = from + step;
    while (hi < n && cmp(list, hi * r + w, x, xi, w) < 0) {
        lo = hi;
        step *= 2;
        hi = from + step;
    }
    if (hi > n)
        hi = n;
    while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (cmp(list, mid * r + w, x, xi, w) < 0)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}
/** Index of the last interval whose start is <= the address at x[xi], or -1. */
function lastStartingAtOrBefore(list, x, xi, w) {
    const r = 2 * w;
    let lo = 0;
    let hi = list.length / r - 1;
    let found = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp(list, mid * r, x, xi, w) <= 0) {
            found = mid;
            lo = mid + 1;
        }
        else {
            hi = mid - 1;
        }
    }
    return found;
}
/** The standard greedy split of each interval into the fewest aligned CIDR blocks. */
function cidrsOf(list, family, out) {
    const w = wordCount(family);
    const bits = w * 32;
    const r = 2 * w;
    const lo = new Uint32Array(w);
    const d = new Uint32Array(w);
    const pair = new Uint32Array(r);
    for (let i = 0; i < list.length; i += r) {
        copy(lo, 0, list, i, w);
        for (;;) {
            diff(d, list, i + w, lo, 0, w);
            const span = bitLength(d, 0, w);
            const exact = trailingOnes(d, 0, w) === span;
            const fit = exact ? span : span - 1;
            const k = Math.min(trailingZeros(lo, 0, w), fit);
            maskInto(pair, lo, 0, bits - k, w);
            const text = `${formatAddress(lo, 0, w)}/${bits - k}`;
            out.push(makeBlock(family, text, bits - k, false, pairOf(pair, w)));
            if (exact && k === span)
                break;
            addPow2(lo, k, w);
        }
    }
}
function formatList(list, w) {
    const out = [];
    for (let i = 0; i < list.length; i += 2 * w)
        out.push(`${formatAddress(list, i, w)}-${formatAddress(list, i + w, w)}`);
    return out;
}
function sizeOf(list, w) {
    if (w === 1) {
        let n = 0;
        for (let i = 0; i < list.length; i += 2)
            n += list[i + 1] - list[i] + 1;
        return BigInt(n);
    }
    let n = 0n;
    for (let i = 0; i < list.length; i += 2 * w)
        n += toBigInt(list, i + w, w) - toBigInt(list, i, w) + 1n;
    return n;
}
function sameWords(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
/** An immutable set of addresses of both families (sorted, merged intervals per family). */
class IpSet {
    static #EMPTY = new IpSet(EMPTY, EMPTY);
    #v4;
    #v6;
    constructor(v4, v6) {
        this.#v4 = v4;
        this.#v6 = v6;
    }
    static empty() {
        return IpSet.#EMPTY;
    }
    /** Sort + merge, O(n log n) for IPv4 and linear passes for IPv6. */
    static of(blocks) {
        const list = Array.isArray(blocks) ? blocks : [...blocks];
        let n4 = 0;
        for (const b of list)
            if (b.family === 4)
                n4++;
        const n6 = list.length - n4;
        const s4 = new Uint32Array(n4);
        const e4 = new Uint32Array(n4);
        const s6 = new Uint32Array(4 * n6);
        const e6 = new Uint32Array(4 * n6);
        let i4 = 0;
        let i6 = 0;
        for (const b of list) {
            const x = wordsOf(b);
            if (b.family === 4) {
                s4[i4] = x[0];
                e4[i4++] = x[1];
            }
            else {
                s6[i6] = x[0];
                s6[i6 + 1] = x[1];
                s6[i6 + 2] = x[2];
                s6[i6 + 3] = x[3];
                e6[i6] = x[4];
                e6[i6 + 1] = x[5];
                e6[i6 + 2] = x[6];
                e6[i6 + 3] = x[7];
                i6 += 4;
            }
        }
        if (n4 === 0 && n6 === 0)
            return IpSet.#EMPTY;
        return new IpSet(buildList(s4, e4, n4, 1), buildList(s6, e6, n6, 4));
    }
    union(other) {
        return new IpSet(unionLists(this.#v4, other.#v4, 1), unionLists(this.#v6, other.#v6, 4));
    }
    /** Addresses of this set that `other` does not contain. */
    subtract(other) {
        return new IpSet(subtractLists(this.#v4, other.#v4, 1), subtractLists(this.#v6, other.#v6, 4));
    }
    intersect(other) {
        return new IpSet(intersectLists(this.#v4, other.#v4, 1), intersectLists(this.#v6, other.#v6, 4));
    }
    isEmpty() {
        return this.#v4.length === 0 && this.#v6.length === 0;
    }
    /** True when every address of `block` is in the set. */
    covers(block) {
        const w = wordCount(block.family);
        const list = block.family === 4 ? this.#v4 : this.#v6;
        const x = wordsOf(block);
        const i = lastStartingAtOrBefore(list, x, 0, w);
        return i >= 0 && cmp(list, i * 2 * w + w, x, w, w) >= 0;
    }
    /** True when some address of `block` is in the set. */
    overlaps(block) {
        const w = wordCount(block.family);
        const list = block.family === 4 ? this.#v4 : this.#v6;
        const x = wordsOf(block);
        const i = lastStartingAtOrBefore(list, x, w, w);
        return i >= 0 && cmp(list, i * 2 * w + w, x, 0, w) >= 0;
    }
    size(family) {
        return family === 4 ? sizeOf(this.#v4, 1) : sizeOf(this.#v6, 4);
    }
    /** The minimal list of CIDR prefixes that exactly equals this set, sorted (v4 first). */
    toCidrs() {
        const out = [];
        cidrsOf(this.#v4, 4, out);
        cidrsOf(this.#v6, 6, out);
        return out;
    }
    /** The merged intervals as range blocks (`a-b`), sorted (v4 first). */
    toRanges() {
        const out = [];
        for (const [family, list] of [
            [4, this.#v4],
            [6, this.#v6],
        ]) {
            const w = wordCount(family);
            for (let i = 0; i < list.length; i += 2 * w) {
                const words = Array.from(list.subarray(i, i + 2 * w));
                const text = `${formatAddress(words, 0, w)}-${formatAddress(words, w, w)}`;
                out.push(makeBlock(family, text, exactPrefix(words, 0, w, w, scratchDiff), false, words));
            }
        }
        return out;
    }
    equals(other) {
        return sameWords(this.#v4, other.#v4) && sameWords(this.#v6, other.#v6);
    }
    /** The merged intervals as text; equal sets have equal keys. */
    key() {
        return [...formatList(this.#v4, 1), ...formatList(this.#v6, 4)].join(',');
    }
    toString() {
        return this.key();
    }
}
/** The prefix length of a dotted IPv4 mask (`255.255.255.0` → 24), or why there is none. */
function prefixOfMask(mask) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(mask);
    const octets = m ? m.slice(1).map(Number) : [];
    if (!m || octets.some((o) => o > 255))
        return `"${mask}" is not a network mask`;
    const bits = octets.reduce((acc, o) => acc * 256 + o, 0);
    const hostPart = 0xffff_ffff - bits;
    // Ones then zeros: the host part plus one is a power of two.
    if (hostPart !== 0xffff_ffff && (hostPart & (hostPart + 1)) !== 0) {
        return `mask "${mask}" is not contiguous, so it names no single network`;
    }
    return 32 - Math.log2(hostPart + 1);
}

;// CONCATENATED MODULE: ./src/model/ports.ts

const PROTOCOLS = ['tcp', 'udp'];
/** An immutable, normalised set of ports (sorted, merged ranges). */
class PortSet {
    static EMPTY = new PortSet([]);
    static ANY = new PortSet([[0, 65535]]);
    ranges;
    constructor(ranges) {
        this.ranges = ranges;
    }
    static of(ranges) {
        const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const merged = [];
        for (const [lo, hi] of sorted) {
            const last = merged[merged.length - 1];
            if (last && lo <= last[1] + 1)
                last[1] = Math.max(last[1], hi);
            else
                merged.push([lo, hi]);
        }
        return merged.length === 0 ? PortSet.EMPTY : new PortSet(merged);
    }
    /**
     * Parses the forms found in the web service and in firewall configs:
     * `80,443`, `443,80`, `143, 587, 993, 995`, `50000-59999`, `""` (no ports),
     * `*` / `any` (all ports).
     */
    static parse(text) {
        const trimmed = text.trim();
        if (trimmed === '')
            return ok(PortSet.EMPTY);
        if (trimmed === '*' || trimmed.toLowerCase() === 'any')
            return ok(PortSet.ANY);
        const ranges = [];
        for (const raw of trimmed.split(/[,;\s]+/)) {
            if (raw === '')
                continue;
            const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(raw);
            if (!m)
                return fail(`"${raw}" is not a port or port range`);
            const lo = Number(m[1]);
            const hi = m[2] === undefined ? lo : Number(m[2]);
            if (lo > 65535 || hi > 65535)
                return fail(`port ${Math.max(lo, hi)} is out of range (0-65535)`);
            if (hi < lo)
                return fail(`port range "${raw}" ends before it starts`);
            ranges.push([lo, hi]);
        }
        return ok(PortSet.of(ranges));
    }
    static fromNumbers(ports) {
        return PortSet.of([...ports].map((p) => [p, p]));
    }
    get isEmpty() {
        return this.ranges.length === 0;
    }
    get isAny() {
        return this.ranges.length === 1 && this.ranges[0][0] === 0 && this.ranges[0][1] === 65535;
    }
    union(other) {
        if (other.isEmpty)
            return this;
        if (this.isEmpty)
            return other;
        return PortSet.of([...this.ranges, ...other.ranges]);
    }
    /** Ports of this set that `other` does not contain. */
    subtract(other) {
        if (other.isEmpty || this.isEmpty)
            return this;
        const out = [];
        for (const [lo0, hi] of this.ranges) {
            let lo = lo0;
            for (const [olo, ohi] of other.ranges) {
                if (ohi < lo || olo > hi)
                    continue;
                if (olo > lo)
                    out.push([lo, olo - 1]);
                lo = ohi + 1;
                if (lo > hi)
                    break;
            }
            if (lo <= hi)
                out.push([lo, hi]);
        }
        return PortSet.of(out);
    }
    covers(other) {
        return other.subtract(this).isEmpty;
    }
    intersects(other) {
        return other.subtract(this).key() !== other.key();
    }
    key() {
        return this.toString();
    }
    toString() {
        if (this.isAny)
            return 'any';
        return this.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
    }
}
function formatPortSpec(spec) {
    const parts = [];
    if (!spec.tcp.isEmpty)
        parts.push(`TCP ${spec.tcp}`);
    if (!spec.udp.isEmpty)
        parts.push(`UDP ${spec.udp}`);
    return parts.join(', ') || 'no ports';
}

;// CONCATENATED MODULE: ./src/catalogue/types.ts
const INSTANCES = ['worldwide', 'china', 'usgovdod', 'usgovgcchigh'];
const SERVICE_AREAS = [
    'Common',
    'Exchange',
    'SharePoint',
    'Skype',
    'MEM',
];
const CATEGORIES = ['Optimize', 'Allow', 'Default'];
function isWebServiceProvenance(p) {
    return 'source' in p && p.source === 'web-service';
}

;// CONCATENATED MODULE: ./src/catalogue/select.ts






/**
 * A host of an other-endpoints row that holds a per-customer token such as `<email_domain>`.
 * The catalogue cannot know the value, so such hosts never become requirements.
 */
function isPlaceholderHost(host) {
    return /<[^>]*>/.test(host);
}
/** Whether an other-endpoints record applies to the cloud (no `clouds` list: every cloud). */
function rowAppliesTo(row, instance) {
    return row.clouds === undefined || row.clouds.includes(instance);
}
/** Every scenario id of the catalogue, in document order. */
function scenarioIds(catalogue) {
    return [...new Set(catalogue.otherEndpoints.map((r) => r.scenario))];
}
/**
 * The requirements of a selection: the endpoint sets of the cloud whose service area and category
 * are selected (optional ones only with `includeOptional`) plus the records of the selected
 * scenarios. One requirement per distinct host pattern or address block, naming every source.
 */
function selectRequirements(catalogue, selection) {
    const problems = [];
    const merger = new Merger(selection.ipv6, selection.tenant, problems);
    const cloud = catalogue.clouds[selection.instance];
    const upcoming = upcomingAdditions(cloud, selection.today);
    for (const set of cloud.endpointSets) {
        if (!selection.serviceAreas.includes(set.serviceArea))
            continue;
        if (!selection.categories.includes(set.category))
            continue;
        if (!set.required && !selection.includeOptional)
            continue;
        merger.addSet(set, selection.instance, upcoming);
    }
    const known = scenarioIds(catalogue);
    for (const scenario of new Set(selection.scenarios)) {
        if (!known.includes(scenario)) {
            problems.push(`unknown scenario "${scenario}"${didYouMean(scenario, known)} (known scenarios: ${known.join(', ')})`);
            continue;
        }
        const records = catalogue.otherEndpoints.filter((r) => r.scenario === scenario);
        const applicable = records.filter((r) => rowAppliesTo(r, selection.instance));
        if (applicable.length === 0) {
            const clouds = [...new Set(records.flatMap((r) => r.clouds ?? []))];
            problems.push(`scenario "${scenario}" does not apply to the ${selection.instance} cloud (only to ${clouds.join(', ')})`);
            continue;
        }
        for (const record of applicable)
            merger.addRow(record, selection.instance);
    }
    return { requirements: merger.requirements(), problems };
}
/**
 * The additions of the cloud's history that go live after `today`: `set|kind|value` → the date.
 * Without a date nothing is upcoming.
 */
function upcomingAdditions(cloud, today) {
    const out = new Map();
    if (today === undefined)
        return out;
    for (const a of cloud.history?.added ?? []) {
        if (a.effectiveDate <= today)
            continue;
        const key = additionKey(a.endpointSetId, a.kind, a.value);
        const known = out.get(key);
        if (known === undefined || a.effectiveDate < known)
            out.set(key, a.effectiveDate);
    }
    return out;
}
function additionKey(set, kind, value) {
    return `${set}|${kind}|${value}`;
}
/**
 * Every requirement of the cloud whatever the selection (all service areas and categories,
 * optional sets, IPv6, every scenario that applies, no tenant): what "belongs to Microsoft 365"
 * means when an entry matches nothing selected.
 */
function allSources(catalogue, instance) {
    const scenarios = scenarioIds(catalogue).filter((id) => catalogue.otherEndpoints.some((r) => r.scenario === id && rowAppliesTo(r, instance)));
    return selectRequirements(catalogue, {
        instance,
        serviceAreas: SERVICE_AREAS,
        categories: CATEGORIES,
        includeOptional: true,
        ipv6: true,
        scenarios,
    }).requirements;
}
/**
 * The namespaces of a cloud's web-service data: the registrable domains of its URLs and the union
 * of its address blocks. The other-endpoints rows are left out on purpose: they name third-party
 * and general Azure domains that a mixed allowlist uses for much besides Microsoft 365.
 */
function m365Namespaces(catalogue, instance) {
    const domains = new Set();
    const blocks = [];
    for (const set of catalogue.clouds[instance].endpointSets) {
        for (const url of set.urls) {
            const parsed = HostPattern.parse(url);
            const domain = parsed.ok ? parsed.value.registrableDomain() : undefined;
            if (domain !== undefined)
                domains.add(domain);
        }
        for (const ip of set.ips) {
            const parsed = parseIpBlock(ip);
            if (parsed.ok)
                blocks.push(parsed.value);
        }
    }
    return { domains: [...domains].sort(), ips: IpSet.of(blocks) };
}
// ---- Merging -----------------------------------------------------------------------------------
function portSpec(tcp, udp) {
    return { tcp: PortSet.of(tcp), udp: PortSet.of(udp) };
}
function unionPorts(a, b) {
    return { tcp: a.tcp.union(b.tcp), udp: a.udp.union(b.udp) };
}
/** Optimize and Allow sets carry traffic that breaks without them; Default sets degrade more gently. */
function sourceSeverity(source) {
    if (source.kind === 'other-endpoints')
        return 'warning';
    if (!source.required)
        return 'notice';
    return source.category === 'Default' ? 'warning' : 'error';
}
function sourceKey(s) {
    return `${s.kind}:${s.id}:${s.scenario ?? ''}`;
}
function compareSources(a, b) {
    if (a.kind !== b.kind)
        return a.kind === 'endpoint-set' ? -1 : 1;
    const sa = a.scenario ?? '';
    const sb = b.scenario ?? '';
    return a.id - b.id || (sa < sb ? -1 : sa > sb ? 1 : 0);
}
class Merger {
    ipv6;
    tenant;
    problems;
    #hosts = new Map();
    #ips = new Map();
    constructor(ipv6, tenant, problems) {
        this.ipv6 = ipv6;
        this.tenant = tenant;
        this.problems = problems;
    }
    addSet(set, instance, upcoming) {
        const source = {
            kind: 'endpoint-set',
            id: set.id,
            serviceArea: set.serviceArea,
            category: set.category,
            required: set.required,
            ports: portSpec(set.tcpPortRanges, set.udpPortRanges),
            ...(set.notes === undefined ? {} : { notes: set.notes }),
        };
        const where = `endpoint set ${set.id} of ${instance}`;
        const dated = (kind, value) => {
            const from = upcoming?.get(additionKey(set.id, kind, value));
            return from === undefined ? source : { ...source, effectiveFrom: from };
        };
        for (const url of set.urls)
            this.#addHost(url, dated('url', url), where);
        for (const ip of set.ips)
            this.#addIp(ip, dated('ip', ip), where);
    }
    addRow(row, instance) {
        const d = row.destinations;
        const source = {
            kind: 'other-endpoints',
            id: row.row,
            scenario: row.scenario,
            required: true,
            ports: portSpec(d.tcpPortRanges, d.udpPortRanges),
            ...(row.note === undefined ? {} : { notes: row.note }),
        };
        const where = `other-endpoints row ${row.row} (${row.scenario}) of ${instance}`;
        for (const host of d.hosts)
            if (!isPlaceholderHost(host))
                this.#addHost(host, source, where);
        for (const ip of d.ips)
            this.#addIp(ip, source, where);
    }
    requirements() {
        const hosts = [...this.#hosts.entries()]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([, p]) => ({
            kind: 'host',
            pattern: p.value,
            text: p.text,
            ...summarise(p),
        }));
        const ips = [...this.#ips.values()]
            .sort((a, b) => IpBlock.compare(a.value, b.value))
            .map((p) => ({ kind: 'ip', block: p.value, text: p.text, ...summarise(p) }));
        return [...hosts, ...ips];
    }
    #addHost(text, source, where) {
        const parsed = HostPattern.parse(text);
        if (!parsed.ok) {
            this.problems.push(`${where}: ${parsed.error}`);
            return;
        }
        const pattern = this.tenant === undefined ? parsed.value : parsed.value.withTenant(this.tenant);
        add(this.#hosts, pattern.key(), pattern, pattern.text, source);
    }
    #addIp(text, source, where) {
        const parsed = parseIpBlock(text);
        if (!parsed.ok) {
            this.problems.push(`${where}: ${parsed.error}`);
            return;
        }
        if (parsed.value.family === 6 && !this.ipv6)
            return;
        add(this.#ips, parsed.value.key(), parsed.value, text, source);
    }
}
function add(map, key, value, text, source) {
    let pending = map.get(key);
    if (!pending) {
        pending = { value, text, sources: new Map() };
        map.set(key, pending);
    }
    const sk = sourceKey(source);
    const existing = pending.sources.get(sk);
    // Two records of one scenario can name the same endpoint with different ports.
    pending.sources.set(sk, existing
        ? {
            ...existing,
            ports: unionPorts(existing.ports, source.ports),
            // One set naming the endpoint twice: it is required as soon as either entry is live.
            ...(existing.effectiveFrom === undefined || source.effectiveFrom === undefined
                ? { effectiveFrom: undefined }
                : {}),
        }
        : source);
}
function summarise(p) {
    const sources = [...p.sources.values()].sort(compareSources);
    let ports = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
    let severity = 'notice';
    for (const s of sources) {
        ports = unionPorts(ports, s.ports);
        const sev = sourceSeverity(s);
        if (severityRank(sev) > severityRank(severity))
            severity = sev;
    }
    // Upcoming only while every source is: one live source makes it a requirement today.
    const dates = sources.map((s) => s.effectiveFrom);
    const upcoming = dates.every((d) => d !== undefined)
        ? [...dates].sort()[0]
        : undefined;
    return { ports, sources, severity, ...(upcoming === undefined ? {} : { upcoming }) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(2210);
;// CONCATENATED MODULE: ./schemas/catalogue.schema.json
const catalogue_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://endpoint-drift.dev/schemas/catalogue.schema.json","title":"endpoint-drift Microsoft 365 catalogue","description":"data/catalogue.json: the web-service endpoint sets of every cloud with their provenance, and the curated other-endpoints records. Generated by scripts/build-catalogue.ts; $defs/curatedFile describes data/other-endpoints.yaml, its hand-written input.","type":"object","additionalProperties":false,"required":["schemaVersion","generatedFrom","clouds","otherEndpoints"],"properties":{"schemaVersion":{"const":1},"clientRequestId":{"description":"The clientrequestid GUID that `catalogue update` sends to the web service for this catalogue; kept so that one repository is one client.","$ref":"#/$defs/guid"},"generatedFrom":{"type":"object","additionalProperties":false,"required":["script","otherEndpoints"],"properties":{"script":{"type":"string","minLength":1},"otherEndpoints":{"type":"object","additionalProperties":false,"required":["file","document","documentSha256","documentDate","origin"],"properties":{"file":{"type":"string","minLength":1},"document":{"type":"string","minLength":1},"documentSha256":{"$ref":"#/$defs/sha256"},"documentDate":{"$ref":"#/$defs/date"},"origin":{"$ref":"#/$defs/documentOrigin"}}}}},"clouds":{"type":"object","additionalProperties":false,"required":["worldwide","china","usgovdod","usgovgcchigh"],"properties":{"worldwide":{"allOf":[{"$ref":"#/$defs/cloud"},{"type":"object","properties":{"instance":{"const":"worldwide"}}}]},"china":{"allOf":[{"$ref":"#/$defs/cloud"},{"type":"object","properties":{"instance":{"const":"china"}}}]},"usgovdod":{"allOf":[{"$ref":"#/$defs/cloud"},{"type":"object","properties":{"instance":{"const":"usgovdod"}}}]},"usgovgcchigh":{"allOf":[{"$ref":"#/$defs/cloud"},{"type":"object","properties":{"instance":{"const":"usgovgcchigh"}}}]}}},"otherEndpoints":{"type":"array","items":{"$ref":"#/$defs/otherEndpointRow"}}},"$defs":{"instance":{"enum":["worldwide","china","usgovdod","usgovgcchigh"]},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"commit":{"type":"string","pattern":"^[0-9a-f]{40}$"},"date":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"},"repo":{"type":"string","pattern":"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"},"documentOrigin":{"type":"object","additionalProperties":false,"required":["repo","path","commit"],"properties":{"repo":{"$ref":"#/$defs/repo"},"path":{"type":"string","minLength":1},"commit":{"$ref":"#/$defs/commit"}}},"portString":{"description":"Ports as the web service writes them: \\"80,443\\", \\"143, 587, 993, 995\\", \\"50000-59999\\"; \\"\\" for none (also when the field is absent from the response).","type":"string","pattern":"^[0-9][0-9, -]*$|^$"},"port":{"type":"integer","minimum":0,"maximum":65535},"portRanges":{"description":"The port string parsed: sorted, merged, inclusive [low, high] ranges.","type":"array","items":{"type":"array","prefixItems":[{"$ref":"#/$defs/port"},{"$ref":"#/$defs/port"}],"items":false,"minItems":2}},"text":{"type":"string","minLength":1},"cloud":{"type":"object","additionalProperties":false,"required":["instance","provenance","endpointSets"],"properties":{"instance":{"$ref":"#/$defs/instance"},"provenance":{"if":{"type":"object","properties":{"source":true},"required":["source"]},"then":{"$ref":"#/$defs/webServiceProvenance"},"else":{"$ref":"#/$defs/provenance"}},"endpointSets":{"type":"array","items":{"$ref":"#/$defs/endpointSet"}},"history":{"$ref":"#/$defs/history"}}},"guid":{"type":"string","pattern":"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"},"version":{"description":"A web-service data version: YYYYMMDDNN.","type":"string","pattern":"^\\\\d{10}$"},"webServiceProvenance":{"description":"A cloud fetched from the web service by `endpoint-drift catalogue update`.","type":"object","additionalProperties":false,"required":["source","serviceUrl","version","fetchedAt","dataDate","sha256","includesMem"],"properties":{"source":{"const":"web-service"},"serviceUrl":{"type":"string","pattern":"^https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~/-]*)?$"},"version":{"$ref":"#/$defs/version"},"fetchedAt":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}(?:\\\\.\\\\d+)?Z$"},"dataDate":{"$ref":"#/$defs/date"},"sha256":{"$ref":"#/$defs/sha256"},"includesMem":{"type":"boolean"}}},"history":{"description":"What updates have seen come and go: endpoints removed (for stale-entry) and additions with their effective dates (for upcoming-endpoint).","type":"object","additionalProperties":false,"required":["removed","added"],"properties":{"removed":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["kind","value","endpointSetId","serviceArea","category","required","version"],"properties":{"kind":{"enum":["url","ip"]},"value":{"$ref":"#/$defs/text"},"endpointSetId":{"type":"integer","minimum":1},"serviceArea":{"enum":["Common","Exchange","SharePoint","Skype","MEM"]},"category":{"enum":["Optimize","Allow","Default"]},"required":{"type":"boolean"},"version":{"$ref":"#/$defs/version"}}}},"added":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["kind","value","endpointSetId","version","effectiveDate"],"properties":{"kind":{"enum":["url","ip"]},"value":{"$ref":"#/$defs/text"},"endpointSetId":{"type":"integer","minimum":1},"version":{"$ref":"#/$defs/version"},"effectiveDate":{"$ref":"#/$defs/date"}}}}}},"provenance":{"type":"object","additionalProperties":false,"required":["sourceFile","sha256","origin","dataDate","dataDateSource","includesMem"],"properties":{"sourceFile":{"type":"string","minLength":1},"sha256":{"$ref":"#/$defs/sha256"},"origin":{"type":"object","additionalProperties":false,"required":["repo","path","commit","commitDate"],"properties":{"repo":{"$ref":"#/$defs/repo"},"path":{"type":"string","minLength":1},"commit":{"$ref":"#/$defs/commit"},"commitDate":{"$ref":"#/$defs/date"}}},"dataDate":{"description":"The date the response is known to have been the live web-service response.","$ref":"#/$defs/date"},"dataDateSource":{"type":"object","additionalProperties":false,"required":["repo","commit"],"properties":{"repo":{"$ref":"#/$defs/repo"},"commit":{"$ref":"#/$defs/commit"}}},"includesMem":{"description":"Whether the response includes the ServiceAreas=MEM sets, which the web service returns only on request.","type":"boolean"}}},"endpointSet":{"type":"object","additionalProperties":false,"required":["id","serviceArea","serviceAreaDisplayName","urls","ips","tcpPorts","udpPorts","tcpPortRanges","udpPortRanges","category","required","expressRoute"],"properties":{"id":{"type":"integer","minimum":1},"serviceArea":{"enum":["Common","Exchange","SharePoint","Skype","MEM"]},"serviceAreaDisplayName":{"$ref":"#/$defs/text"},"urls":{"type":"array","items":{"$ref":"#/$defs/text"}},"ips":{"type":"array","items":{"$ref":"#/$defs/text"}},"tcpPorts":{"$ref":"#/$defs/portString"},"udpPorts":{"$ref":"#/$defs/portString"},"tcpPortRanges":{"$ref":"#/$defs/portRanges"},"udpPortRanges":{"$ref":"#/$defs/portRanges"},"category":{"enum":["Optimize","Allow","Default"]},"required":{"type":"boolean"},"expressRoute":{"type":"boolean"},"notes":{"type":"string"}}},"direction":{"enum":["inbound","outbound","bidirectional"]},"rowScope":{"enum":["server","client","trusted-sites"]},"scenarioId":{"type":"string","pattern":"^[a-z0-9]+(?:-[a-z0-9]+)*$"},"clouds":{"type":"array","items":{"$ref":"#/$defs/instance"},"minItems":1,"uniqueItems":true},"otherEndpointRow":{"type":"object","additionalProperties":false,"required":["row","scenario","purpose","direction","scope","destinations"],"properties":{"row":{"type":"integer","minimum":1},"scenario":{"$ref":"#/$defs/scenarioId"},"part":{"$ref":"#/$defs/scenarioId"},"purpose":{"$ref":"#/$defs/text"},"direction":{"$ref":"#/$defs/direction"},"scope":{"$ref":"#/$defs/rowScope"},"clouds":{"$ref":"#/$defs/clouds"},"destinations":{"type":"object","additionalProperties":false,"required":["hosts","ips","tcpPorts","udpPorts","tcpPortRanges","udpPortRanges"],"properties":{"hosts":{"type":"array","items":{"$ref":"#/$defs/text"}},"ips":{"type":"array","items":{"$ref":"#/$defs/text"}},"tcpPorts":{"$ref":"#/$defs/portString"},"udpPorts":{"$ref":"#/$defs/portString"},"tcpPortRanges":{"$ref":"#/$defs/portRanges"},"udpPortRanges":{"$ref":"#/$defs/portRanges"}}},"note":{"$ref":"#/$defs/text"}}},"curatedFile":{"description":"data/other-endpoints.yaml.","type":"object","additionalProperties":false,"required":["source","rows"],"properties":{"source":{"type":"object","additionalProperties":false,"required":["document","sha256","documentDate","origin"],"properties":{"document":{"$ref":"#/$defs/text"},"sha256":{"$ref":"#/$defs/sha256"},"documentDate":{"$ref":"#/$defs/date"},"origin":{"$ref":"#/$defs/documentOrigin"}}},"rows":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["row","scenario","purpose","direction","scope"],"properties":{"row":{"type":"integer","minimum":1},"scenario":{"$ref":"#/$defs/scenarioId"},"part":{"$ref":"#/$defs/scenarioId"},"purpose":{"$ref":"#/$defs/text"},"direction":{"$ref":"#/$defs/direction"},"scope":{"$ref":"#/$defs/rowScope"},"clouds":{"$ref":"#/$defs/clouds"},"destinations":{"type":"object","additionalProperties":false,"properties":{"hosts":{"type":"array","items":{"$ref":"#/$defs/text"}},"ips":{"type":"array","items":{"$ref":"#/$defs/text"}},"tcpPorts":{"$ref":"#/$defs/portString"},"udpPorts":{"$ref":"#/$defs/portString"}}},"note":{"$ref":"#/$defs/text"}}}}}}}}');
;// CONCATENATED MODULE: ./src/catalogue/schema.ts


let validator;
/** Problems of a catalogue against schemas/catalogue.schema.json, one line each (empty when valid). */
function validateCatalogueData(data) {
    validator ??= new _2020.Ajv2020({ allErrors: true, strict: true }).compile(catalogue_schema_namespaceObject);
    if (validator(data))
        return [];
    return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

;// CONCATENATED MODULE: ./src/io/catalogue-store.ts




/** The snapshot's file name inside its folder. */
const SNAPSHOT_FILE = 'catalogue.json';
const CHANGELOG_FILE = 'CHANGELOG.md';
const DEFAULT_SNAPSHOT_DIR = '.github/endpoint-drift/catalogue';
const CHANGELOG_TITLE = '# Microsoft 365 endpoint changes\n';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A snapshot is about 1 MiB; anything far larger is not one. */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;
/** A snapshot or cache that cannot be used; the message is one line and names the file. */
class SnapshotError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SnapshotError';
    }
}
/** `catalogue:` names a snapshot folder or its catalogue.json; this is the file. */
function snapshotFile(root, given) {
    const full = external_node_path_default().resolve(root, given);
    return full.toLowerCase().endsWith('.json') ? full : external_node_path_default().join(full, SNAPSHOT_FILE);
}
/**
 * Paths from a configuration may be written by anyone who opens a pull request: they must stay
 * inside the repository, also once symbolic links are followed (see {@link confine}).
 */
function insideRoot(root, file, what) {
    if (!isInside(external_node_path_default().resolve(root), external_node_path_default().resolve(root, file)))
        throw new SnapshotError(`${what} "${file}" is outside the repository`);
    return external_node_path_default().resolve(root, file);
}
function isInside(root, target) {
    const rel = external_node_path_default().relative(root, target);
    return rel !== '' && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel);
}
/**
 * The real path of `target` (or of its nearest existing folder) must lie inside the real root:
 * a symbolic link committed in a pull request must not lead reading or writing elsewhere.
 */
async function confine(root, target, what) {
    const realRoot = await (0,promises_.realpath)(root);
    let probe = external_node_path_default().resolve(target);
    let rest = '';
    for (;;) {
        try {
            const real = await (0,promises_.realpath)(probe);
            if (!isInside(realRoot, external_node_path_default().join(real, rest)))
                throw new SnapshotError(`${what} "${external_node_path_default().relative(root, target)}" leads outside the repository`);
            return;
        }
        catch (e) {
            if (e instanceof SnapshotError)
                throw e;
            if (e.code !== 'ENOENT')
                throw e;
            const parent = external_node_path_default().dirname(probe);
            if (parent === probe)
                return;
            rest = external_node_path_default().join(external_node_path_default().basename(probe), rest);
            probe = parent;
        }
    }
}
/** Reads and validates a snapshot; undefined when the file does not exist. */
async function readSnapshot(file, shown) {
    let size;
    try {
        const s = await (0,promises_.stat)(file);
        if (!s.isFile())
            throw new SnapshotError(`${shown}: not a file`);
        size = s.size;
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        if (e instanceof SnapshotError)
            throw e;
        throw new SnapshotError(`${shown}: cannot read: ${e.message}`);
    }
    if (size > MAX_SNAPSHOT_BYTES)
        throw new SnapshotError(`${shown}: ${size} bytes is too large for a catalogue snapshot`);
    const text = await (0,promises_.readFile)(file, 'utf8');
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new SnapshotError(`${shown}:${jsonPosition(text, e)}: malformed JSON: ${jsonReason(e)}`);
    }
    const problems = validateCatalogueData(data);
    if (problems.length > 0)
        throw new SnapshotError(`${shown}: not a catalogue snapshot (schemas/catalogue.schema.json): ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` and ${problems.length - 3} more` : ''}`);
    return { catalogue: data, text };
}
/** The 2-space JSON of the committed catalogue, with a trailing newline. */
function serializeSnapshot(catalogue) {
    return `${JSON.stringify(catalogue, null, 2)}\n`;
}
/** The changelog file after an update: its title, the new section, then the earlier ones. */
function prependChangelog(existing, section) {
    const rest = existing?.startsWith(CHANGELOG_TITLE)
        ? existing.slice(CHANGELOG_TITLE.length).replace(/^\n+/, '')
        : (existing ?? '');
    return `${CHANGELOG_TITLE}\n${section}${rest ? `\n${rest}` : ''}`;
}
async function readOptional(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
}
/**
 * Writes every file to a temporary name beside it, then renames them into place: a failure
 * before the renames leaves every target as it was, and a reader never sees half a file.
 */
async function writeFilesAtomically(files) {
    const temps = [];
    try {
        for (const f of files) {
            await (0,promises_.mkdir)(external_node_path_default().dirname(f.path), { recursive: true });
            const temp = `${f.path}.${process.pid}.${(0,external_node_crypto_.randomUUID)().slice(0, 8)}.tmp`;
            temps.push(temp);
            await (0,promises_.writeFile)(temp, f.text, { flag: 'wx' });
        }
        for (const [i, f] of files.entries())
            await (0,promises_.rename)(temps[i], f.path);
    }
    catch (e) {
        for (const t of temps)
            await (0,promises_.rm)(t, { force: true });
        throw e;
    }
}
/** The folder `live` and `catalogue update` keep web-service answers in. */
class CatalogueCache {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    /** The last `/version` answer for an instance. */
    async version(instance) {
        const text = await readOptional(external_node_path_default().join(this.dir, `version-${instance}.json`)).catch(() => undefined);
        if (text === undefined)
            return undefined;
        try {
            const v = JSON.parse(text);
            if (typeof v.latest === 'string' &&
                /^\d{10}$/.test(v.latest) &&
                typeof v.checkedAt === 'string' &&
                !Number.isNaN(Date.parse(v.checkedAt)))
                return { latest: v.latest, checkedAt: v.checkedAt };
        }
        catch {
            // A damaged cache entry is as good as none.
        }
        return undefined;
    }
    async saveVersion(instance, v) {
        await writeFilesAtomically([
            { path: external_node_path_default().join(this.dir, `version-${instance}.json`), text: `${JSON.stringify(v)}\n` },
        ]);
    }
    /**
     * The client id this machine's cache has used; created once. The id of a committed snapshot
     * takes precedence, so that a repository is one client wherever it runs.
     */
    async clientRequestId() {
        const file = external_node_path_default().join(this.dir, 'client-request-id');
        const known = (await readOptional(file).catch(() => undefined))?.trim();
        if (known && GUID.test(known))
            return known;
        const id = (0,external_node_crypto_.randomUUID)();
        await writeFilesAtomically([{ path: file, text: `${id}\n` }]);
        return id;
    }
}
/** JSON.parse's reason without the excerpt of the text it quotes (the text is not echoed). */
function jsonReason(e) {
    return (e instanceof Error ? e.message : String(e))
        .split('\n')[0]
        .replace(/, ".*$/, '')
        .replace(/ in JSON at position \d+.*$/, '')
        .replace(/ \(line \d+ column \d+\)$/, '');
}
/** "line:column" of a JSON.parse error, from the position Node gives (1:1 when it gives none). */
function jsonPosition(text, e) {
    const m = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
    const offset = m ? Number(m[1]) : 0;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `${line}:${column}`;
}

;// CONCATENATED MODULE: ./src/catalogue/endpoint-sets.ts




/**
 * Reading `/endpoints/{instance}` answers of the web service into endpoint sets, shared by the
 * build of the embedded catalogue and by `catalogue update`, so both take the data the same way.
 */
/** Data that cannot become a catalogue; the message is one line and names the source. */
class CatalogueDataError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CatalogueDataError';
    }
}
const SET_FIELDS = new Set([
    'id',
    'serviceArea',
    'serviceAreaDisplayName',
    'urls',
    'ips',
    'tcpPorts',
    'udpPorts',
    'expressRoute',
    'category',
    'required',
    'notes',
]);
/** The endpoint sets of a parsed `/endpoints` answer, sorted by id; `name` names it in messages. */
function endpointSetsOf(name, data) {
    const source = { name };
    if (!Array.isArray(data))
        throw new CatalogueDataError(`${source.name}: expected an array of endpoint sets`);
    const seen = new Set();
    const sets = data.map((raw, index) => {
        const set = readEndpointSet(source.name, raw, index);
        if (seen.has(set.id))
            throw new CatalogueDataError(`${source.name}: endpoint set id ${set.id} occurs twice`);
        seen.add(set.id);
        return set;
    });
    return sets.sort((a, b) => a.id - b.id);
}
function readEndpointSet(file, raw, index) {
    if (!isRecord(raw))
        throw new CatalogueDataError(`${file}: item ${index} is not an object`);
    const where = typeof raw.id === 'number' ? `endpoint set ${raw.id}` : `item ${index}`;
    const bad = (message) => new CatalogueDataError(`${file}: ${where}: ${message}`);
    for (const key of Object.keys(raw)) {
        // A field the catalogue does not know would be dropped silently: stop instead.
        if (!SET_FIELDS.has(key))
            throw bad(`unknown field "${key}"`);
    }
    const id = raw.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1)
        throw bad(`"id" must be a positive integer`);
    const serviceArea = oneOf(raw.serviceArea, SERVICE_AREAS, 'serviceArea', bad);
    const category = oneOf(raw.category, CATEGORIES, 'category', bad);
    const displayName = raw.serviceAreaDisplayName;
    if (typeof displayName !== 'string' || displayName === '') {
        throw bad(`"serviceAreaDisplayName" must be a non-empty string`);
    }
    const urls = stringList(raw.urls, 'urls', bad);
    const ips = stringList(raw.ips, 'ips', bad);
    for (const url of urls) {
        const parsed = HostPattern.parse(url);
        if (!parsed.ok)
            throw bad(`URL "${url}" is not a host pattern: ${parsed.error}`);
    }
    for (const ip of ips) {
        const parsed = parseIpBlock(ip);
        if (!parsed.ok)
            throw bad(`address "${ip}" is not an IP block: ${parsed.error}`);
    }
    const tcp = portField(raw.tcpPorts, 'tcpPorts', bad);
    const udp = portField(raw.udpPorts, 'udpPorts', bad);
    const required = booleanField(raw.required, 'required', bad);
    const expressRoute = booleanField(raw.expressRoute, 'expressRoute', bad);
    if (raw.notes !== undefined && typeof raw.notes !== 'string')
        throw bad(`"notes" must be a string`);
    return {
        id,
        serviceArea,
        serviceAreaDisplayName: displayName,
        urls,
        ips,
        tcpPorts: tcp.text,
        udpPorts: udp.text,
        tcpPortRanges: tcp.ranges,
        udpPortRanges: udp.ranges,
        category,
        required,
        expressRoute,
        ...(raw.notes === undefined ? {} : { notes: raw.notes }),
    };
}
function oneOf(value, allowed, field, bad) {
    if (typeof value === 'string' && allowed.includes(value))
        return value;
    throw bad(`"${field}" is ${JSON.stringify(value)}, expected one of ${allowed.join(', ')}`);
}
function stringList(value, field, bad) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
        throw bad(`"${field}" must be a list of non-empty strings`);
    }
    return value;
}
function booleanField(value, field, bad) {
    if (typeof value !== 'boolean')
        throw bad(`"${field}" must be true or false`);
    return value;
}
/** A port string as published ("" when absent) and its ranges. */
function portField(value, field, bad) {
    if (value === undefined)
        return { text: '', ranges: [] };
    if (typeof value !== 'string')
        throw bad(`"${field}" must be a string`);
    return { text: value, ranges: parsePortString(value, (m) => bad(`${field} "${value}": ${m}`)) };
}
function parsePortString(text, bad) {
    const parsed = PortSet.parse(text);
    if (!parsed.ok)
        throw bad(parsed.error);
    // "*" would parse as every port, which the web service never means.
    if (parsed.value.isAny && !/^\s*0\s*-\s*65535\s*$/.test(text))
        throw bad('is not a list of ports');
    return parsed.value.ranges.map(([lo, hi]) => [lo, hi]);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/catalogue/service.ts
/**
 * The client of Microsoft's "Microsoft 365 IP Address and URL web service": `/version`,
 * `/endpoints` and `/changes`, with the service's manners (a stable `clientrequestid`, back-off on
 * 429 and 5xx) and strict reading of the answers: a malformed, truncated or mistyped answer is an
 * error, never data. Nothing here touches the file system; `fetch` and the waiting are injected.
 */
const DEFAULT_SERVICE_URL = 'https://endpoints.office.com';
/** The instance names the web service uses in its routes. */
const SERVICE_INSTANCE = {
    worldwide: 'Worldwide',
    china: 'China',
    usgovdod: 'USGovDoD',
    usgovgcchigh: 'USGovGCCHigh',
};
/** A failed call; the message is one line and names the URL (without the client id). */
class WebServiceError extends Error {
    failure;
    constructor(message, failure) {
        super(message);
        this.failure = failure;
        this.name = 'WebServiceError';
    }
}
const VERSION_PATTERN = /^\d{10}$/;
const BACKOFF_MS = 1000;
/** What the documentation says to wait after a 429 when the answer does not say. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 60 * 60 * 1000;
class WebService {
    options;
    base;
    fetch;
    sleep;
    constructor(options) {
        this.options = options;
        this.base = options.serviceUrl.replace(/\/+$/, '');
        this.fetch = options.fetch ?? globalThis.fetch;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    }
    /** `/version/{instance}`: the latest version of the instance's data. */
    async version(instance) {
        const route = `/version/${SERVICE_INSTANCE[instance]}`;
        const { data } = await this.get(route);
        const records = Array.isArray(data) ? data : [data];
        const record = records.find((r) => service_isRecord(r) &&
            typeof r.instance === 'string' &&
            r.instance.toLowerCase() === SERVICE_INSTANCE[instance].toLowerCase());
        if (!record)
            throw this.malformed(route, `no record for instance ${SERVICE_INSTANCE[instance]}`);
        if (typeof record.latest !== 'string' || !VERSION_PATTERN.test(record.latest))
            throw this.malformed(route, `"latest" is ${JSON.stringify(record.latest)}, not YYYYMMDDNN`);
        return { instance: record.instance, latest: record.latest };
    }
    /**
     * `/endpoints/{instance}` with no filter, then with `ServiceAreas=MEM`, which the service
     * returns only on request: together every service area, IPv6 included.
     */
    async endpoints(instance) {
        const route = `/endpoints/${SERVICE_INSTANCE[instance]}`;
        const all = await this.get(route);
        const mem = await this.get(route, { ServiceAreas: 'MEM' });
        const sets = [];
        const seen = new Set();
        for (const [answer, query] of [
            [all, ''],
            [mem, '?ServiceAreas=MEM'],
        ]) {
            if (!Array.isArray(answer.data))
                throw this.malformed(`${route}${query}`, 'expected an array of endpoint sets');
            for (const set of answer.data) {
                const id = service_isRecord(set) ? set.id : undefined;
                // The MEM answer repeats the Common sets, which every answer includes.
                if (id !== undefined && seen.has(id))
                    continue;
                seen.add(id);
                sets.push(set);
            }
        }
        return { answers: [all, mem], sets };
    }
    /** `/changes/{instance}/{version}`: every change published after `version`. */
    async changes(instance, version) {
        if (!VERSION_PATTERN.test(version))
            throw new WebServiceError(`version "${version}" is not YYYYMMDDNN`, 'http');
        const route = `/changes/${SERVICE_INSTANCE[instance]}/${version}`;
        const { data } = await this.get(route);
        if (!Array.isArray(data))
            throw this.malformed(route, 'expected an array of change records');
        return data.map((raw, i) => {
            const problem = (m) => this.malformed(route, `record ${i}: ${m}`);
            return readChange(raw, problem);
        });
    }
    /** GET with retries; returns the parsed JSON of a 200 answer. */
    async get(route, query = {}) {
        const params = new URLSearchParams({ ...query, clientrequestid: this.options.clientRequestId });
        const url = `${this.base}${route}?${params.toString()}`;
        const shown = `${this.base}${route}${query.ServiceAreas ? `?ServiceAreas=${query.ServiceAreas}` : ''}`;
        const retries = this.options.retries ?? 3;
        const maxWait = this.options.maxWaitMs ?? 5 * 60 * 1000;
        for (let attempt = 0;; attempt++) {
            let response;
            const signal = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
            try {
                response = await this.fetch(url, {
                    headers: { accept: 'application/json' },
                    redirect: 'error',
                    signal,
                });
            }
            catch (e) {
                if (attempt < retries) {
                    await this.sleep(BACKOFF_MS * 2 ** attempt);
                    continue;
                }
                throw new WebServiceError(`${shown}: cannot reach the web service: ${describeFetchError(e)}`, 'unreachable');
            }
            if (response.status === 429 || response.status >= 500) {
                const asked = retryAfterMs(response.headers.get('retry-after'), Date.now());
                await response.body?.cancel().catch(() => undefined);
                const limited = response.status === 429;
                const wait = asked ?? (limited ? DEFAULT_RATE_LIMIT_WAIT_MS : BACKOFF_MS * 2 ** attempt);
                if (attempt < retries && wait <= maxWait) {
                    await this.sleep(wait);
                    continue;
                }
                const after = asked === undefined ? '' : ` (it asks to retry after ${Math.ceil(asked / 1000)} s)`;
                throw limited
                    ? new WebServiceError(`${shown}: the web service is limiting requests (HTTP 429)${after}; try again in an hour`, 'rate-limited')
                    : new WebServiceError(`${shown}: the web service failed with HTTP ${response.status} after ${attempt + 1} attempt${attempt === 0 ? '' : 's'}${after}`, 'server');
            }
            if (response.status !== 200) {
                await response.body?.cancel().catch(() => undefined);
                throw new WebServiceError(`${shown}: unexpected HTTP ${response.status} ${response.statusText}`.trimEnd(), 'http');
            }
            const type = response.headers.get('content-type') ?? '';
            if (!/^application\/json\s*(?:;|$)/i.test(type)) {
                await response.body?.cancel().catch(() => undefined);
                throw new WebServiceError(`${shown}: expected a JSON answer, got content type "${type || 'none'}"`, 'content-type');
            }
            const text = await this.readBody(response, shown, signal);
            let data;
            try {
                data = JSON.parse(text);
            }
            catch (e) {
                throw this.malformed(shown, `malformed JSON: ${service_jsonReason(e)}`);
            }
            return { data, text };
        }
    }
    async readBody(response, shown, signal) {
        const limit = this.options.maxBytes ?? 32 * 1024 * 1024;
        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (declared > limit) {
            await response.body?.cancel().catch(() => undefined);
            throw new WebServiceError(`${shown}: the answer is ${declared} bytes, more than the ${limit} accepted`, 'too-large');
        }
        const chunks = [];
        let size = 0;
        try {
            const reader = response.body?.getReader();
            for (;;) {
                if (!reader)
                    break;
                const { done, value } = await reader.read();
                if (done)
                    break;
                size += value.byteLength;
                if (size > limit) {
                    await reader.cancel().catch(() => undefined);
                    throw new WebServiceError(`${shown}: the answer is more than the ${limit} bytes accepted`, 'too-large');
                }
                chunks.push(value);
            }
        }
        catch (e) {
            if (e instanceof WebServiceError)
                throw e;
            throw new WebServiceError(signal.aborted
                ? `${shown}: the answer did not arrive in time`
                : `${shown}: the answer was cut off after ${size} bytes (${describeFetchError(e)})`, 'truncated');
        }
        if (Number.isFinite(declared) && size !== declared)
            throw new WebServiceError(`${shown}: the answer was cut off after ${size} of ${declared} bytes`, 'truncated');
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
        }
        catch {
            throw this.malformed(shown, 'the answer is not UTF-8');
        }
    }
    malformed(route, message) {
        const shown = route.startsWith('http') ? route : `${this.base}${route}`;
        return new WebServiceError(`${shown}: ${message}`, 'malformed');
    }
}
/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
function retryAfterMs(header, now) {
    if (header === null)
        return undefined;
    const text = header.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
function readChange(raw, problem) {
    if (!service_isRecord(raw))
        throw problem('not an object');
    const int = (key) => {
        const v = raw[key];
        if (typeof v !== 'number' || !Number.isInteger(v))
            throw problem(`"${key}" is not an integer`);
        return v;
    };
    const id = int('id');
    const endpointSetId = int('endpointSetId');
    if (typeof raw.disposition !== 'string')
        throw problem('"disposition" is not a string');
    if (typeof raw.version !== 'string' || !VERSION_PATTERN.test(raw.version))
        throw problem('"version" is not YYYYMMDDNN');
    if (raw.impact !== undefined && typeof raw.impact !== 'string')
        throw problem('"impact" is not a string');
    const lists = (key) => {
        const v = raw[key];
        if (v === undefined)
            return undefined;
        if (!service_isRecord(v))
            throw problem(`"${key}" is not an object`);
        const list = (name) => {
            const l = v[name];
            if (l === undefined)
                return [];
            if (!Array.isArray(l) || !l.every((x) => typeof x === 'string'))
                throw problem(`"${key}.${name}" is not a list of strings`);
            return l;
        };
        return { v, ips: list('ips'), urls: list('urls') };
    };
    const add = lists('add');
    const remove = lists('remove');
    const effectiveDate = add?.v.effectiveDate;
    if (effectiveDate !== undefined &&
        (typeof effectiveDate !== 'string' || !/^\d{8}$/.test(effectiveDate)))
        throw problem('"add.effectiveDate" is not YYYYMMDD');
    const object = (key) => {
        const v = raw[key];
        if (v === undefined)
            return undefined;
        if (!service_isRecord(v))
            throw problem(`"${key}" is not an object`);
        return v;
    };
    const previous = object('previous');
    const current = object('current');
    return {
        id,
        endpointSetId,
        disposition: raw.disposition,
        ...(raw.impact !== undefined ? { impact: raw.impact } : {}),
        version: raw.version,
        ...(previous ? { previous } : {}),
        ...(current ? { current } : {}),
        ...(add
            ? {
                add: {
                    ...(effectiveDate !== undefined ? { effectiveDate: effectiveDate } : {}),
                    ips: add.ips,
                    urls: add.urls,
                },
            }
            : {}),
        ...(remove ? { remove: { ips: remove.ips, urls: remove.urls } } : {}),
    };
}
/** JSON.parse's reason without the excerpt of the text it quotes. */
function service_jsonReason(e) {
    return (e instanceof Error ? e.message : String(e))
        .split('\n')[0]
        .replace(/, ".*$/, '')
        .replace(/ \(line \d+ column \d+\)$/, '');
}
function describeFetchError(e) {
    if (!(e instanceof Error))
        return String(e);
    const cause = e.cause;
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
        return 'no answer in time';
    if (cause instanceof Error) {
        const code = cause.code;
        return code ? `${code} ${cause.message}`.replace(/^(\S+) \1/, '$1') : cause.message;
    }
    return e.message;
}
function service_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/catalogue/changelog.ts



const refOf = (s) => ({
    id: s.id,
    serviceArea: s.serviceArea,
    category: s.category,
    required: s.required,
});
/** YYYYMMDD (as the service writes effective dates) to YYYY-MM-DD. */
function isoDate(compact) {
    return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}
/** The date a version was published: YYYYMMDDNN → YYYY-MM-DD. */
function versionDate(version) {
    return isoDate(version.slice(0, 8));
}
/** A canonical key per value, so that `*.Example.com` and `*.example.com`, or `::1/128` spelt twice, meet. */
function valueKey(kind, value) {
    if (kind === 'url') {
        const p = HostPattern.parse(value);
        return p.ok ? `u:${p.value.key()}` : `u:${value.toLowerCase()}`;
    }
    const p = parseIpBlock(value);
    return p.ok ? `i:${p.value.masked().key()}` : `i:${value}`;
}
function holdings(sets) {
    const out = new Map();
    for (const set of sets) {
        for (const [kind, list] of [
            ['url', set.urls],
            ['ip', set.ips],
        ]) {
            for (const value of list) {
                const key = valueKey(kind, value);
                let h = out.get(key);
                if (!h) {
                    h = { kind, value, sets: new Map() };
                    out.set(key, h);
                }
                h.sets.set(set.id, set);
            }
        }
    }
    return out;
}
/** Compares two versions of a cloud; `changes` are the `/changes` records published after `before`. */
function compareClouds(before, after, changes, afterVersion) {
    const added = new Map();
    const removed = new Map();
    for (const c of changes) {
        for (const [kind, list] of [
            ['url', c.add?.urls ?? []],
            ['ip', c.add?.ips ?? []],
        ])
            for (const v of list)
                added.set(`${c.endpointSetId}|${valueKey(kind, v)}`, c);
        for (const [kind, list] of [
            ['url', c.remove?.urls ?? []],
            ['ip', c.remove?.ips ?? []],
        ])
            for (const v of list)
                removed.set(`${c.endpointSetId}|${valueKey(kind, v)}`, c);
    }
    const addition = (set, key) => {
        const c = added.get(`${set}|${key}`);
        return {
            version: c?.version ?? afterVersion,
            ...(c?.add?.effectiveDate ? { effectiveDate: isoDate(c.add.effectiveDate) } : {}),
            ...(c?.impact ? { impact: c.impact } : {}),
        };
    };
    const removal = (set, key) => {
        const c = removed.get(`${set}|${key}`);
        return { version: c?.version ?? afterVersion, ...(c?.impact ? { impact: c.impact } : {}) };
    };
    const old = holdings(before.endpointSets);
    const now = holdings(after.endpointSets);
    const endpoints = [];
    for (const key of new Set([...old.keys(), ...now.keys()])) {
        const b = old.get(key);
        const a = now.get(key);
        const h = (a ?? b);
        const gone = b ? [...b.sets.values()].filter((s) => !a?.sets.has(s.id)) : [];
        const come = a ? [...a.sets.values()].filter((s) => !b?.sets.has(s.id)) : [];
        // A value that left one set and arrived in another has moved.
        while (gone.length > 0 && come.length > 0) {
            const from = gone.shift();
            const to = come.shift();
            endpoints.push({
                change: 'moved',
                kind: h.kind,
                value: a.value,
                set: refOf(to),
                from: refOf(from),
                ...addition(to.id, key),
            });
        }
        for (const s of come)
            endpoints.push({
                change: 'added',
                kind: h.kind,
                value: a.value,
                set: refOf(s),
                ...addition(s.id, key),
            });
        for (const s of gone) {
            const still = a ? [...a.sets.keys()].sort((x, y) => x - y) : [];
            endpoints.push({
                change: 'removed',
                kind: h.kind,
                value: b.value,
                set: refOf(s),
                ...(still.length > 0 ? { stillIn: still } : {}),
                ...removal(s.id, key),
            });
        }
    }
    endpoints.sort((x, y) => CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] ||
        x.set.id - y.set.id ||
        (x.kind === y.kind ? 0 : x.kind === 'url' ? -1 : 1) ||
        (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
    const sets = [];
    const beforeSets = new Map(before.endpointSets.map((s) => [s.id, s]));
    const afterSets = new Map(after.endpointSets.map((s) => [s.id, s]));
    const setVersion = (id) => changes
        .filter((c) => c.endpointSetId === id)
        .sort((x, y) => (x.version < y.version ? 1 : -1))[0]?.version ?? afterVersion;
    for (const id of [...new Set([...beforeSets.keys(), ...afterSets.keys()])].sort((x, y) => x - y)) {
        const b = beforeSets.get(id);
        const a = afterSets.get(id);
        if (!b || !a) {
            const s = (a ?? b);
            sets.push({
                set: refOf(s),
                field: 'set',
                before: b ? describeSet(b) : '',
                after: a ? describeSet(a) : '',
                version: setVersion(id),
            });
            continue;
        }
        const fields = [
            ['serviceArea', b.serviceArea, a.serviceArea],
            ['category', b.category, a.category],
            ['required', String(b.required), String(a.required)],
            ['tcpPorts', portText(b.tcpPortRanges), portText(a.tcpPortRanges)],
            ['udpPorts', portText(b.udpPortRanges), portText(a.udpPortRanges)],
            ['expressRoute', String(b.expressRoute), String(a.expressRoute)],
            ['notes', b.notes ?? '', a.notes ?? ''],
        ];
        for (const [field, was, is] of fields)
            if (was !== is)
                sets.push({ set: refOf(a), field, before: was, after: is, version: setVersion(id) });
    }
    return {
        instance: after.instance,
        before: describeBefore(before),
        after: { version: afterVersion, dataDate: versionDate(afterVersion) },
        endpoints,
        sets,
    };
}
const CHANGE_ORDER = { added: 0, removed: 1, moved: 2 };
function describeBefore(c) {
    const p = c.provenance;
    return isWebServiceProvenance(p)
        ? { version: p.version, dataDate: p.dataDate, label: `version ${p.version}` }
        : { dataDate: p.dataDate, label: `data of ${p.dataDate} (${p.sourceFile})` };
}
function describeSet(s) {
    return `${s.serviceArea}, ${s.category}${s.required ? '' : ', optional'}`;
}
function portText(ranges) {
    return ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}
/** Whether the comparison found anything at all. */
function isEmpty(log) {
    return log.endpoints.length === 0 && log.sets.length === 0;
}
/**
 * The history to keep after an update: earlier records still true, plus what this update removed
 * from the cloud as a whole and the dated additions of `/changes`.
 */
function nextHistory(before, after, log, changes) {
    const now = holdings(after.endpointSets);
    const removed = [];
    const seenRemoved = new Set();
    const keepRemoved = (r) => {
        const k = `${r.endpointSetId}|${valueKey(r.kind, r.value)}`;
        if (seenRemoved.has(k) || now.has(valueKey(r.kind, r.value)))
            return;
        seenRemoved.add(k);
        removed.push(r);
    };
    for (const e of log.endpoints)
        if (e.change === 'removed' && !e.stillIn)
            keepRemoved({
                kind: e.kind,
                value: e.value,
                endpointSetId: e.set.id,
                serviceArea: e.set.serviceArea,
                category: e.set.category,
                required: e.set.required,
                version: e.version,
            });
    for (const r of before.history?.removed ?? [])
        keepRemoved(r);
    const added = [];
    const seenAdded = new Set();
    const keepAdded = (a) => {
        const k = `${a.endpointSetId}|${valueKey(a.kind, a.value)}`;
        if (seenAdded.has(k) || !now.get(valueKey(a.kind, a.value))?.sets.has(a.endpointSetId))
            return;
        seenAdded.add(k);
        added.push(a);
    };
    for (const c of [...changes].sort((x, y) => (x.version < y.version ? 1 : -1))) {
        const date = c.add?.effectiveDate;
        if (!date)
            continue;
        for (const [kind, list] of [
            ['url', c.add.urls],
            ['ip', c.add.ips],
        ])
            for (const value of list)
                keepAdded({
                    kind,
                    value,
                    endpointSetId: c.endpointSetId,
                    version: c.version,
                    effectiveDate: isoDate(date),
                });
    }
    for (const a of before.history?.added ?? [])
        keepAdded(a);
    const order = (x, y) => x.endpointSetId - y.endpointSetId ||
        (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) ||
        (x.value < y.value ? -1 : x.value > y.value ? 1 : 0);
    return { removed: removed.sort(order), added: added.sort(order) };
}
// ---- Markdown ----------------------------------------------------------------------------------
const CLOUD_TITLES = {
    worldwide: 'Worldwide',
    china: '21Vianet (China)',
    usgovdod: 'US Government DoD',
    usgovgcchigh: 'US Government GCC High',
};
const FIELD_TITLES = {
    set: 'endpoint set',
    serviceArea: 'service area',
    category: 'category',
    required: 'required',
    tcpPorts: 'TCP ports',
    udpPorts: 'UDP ports',
    expressRoute: 'ExpressRoute',
    notes: 'notes',
};
/** Text from the web service inside a table cell: no Markdown, no HTML, one line. */
function cell(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/[\\`*_[\]<>|~#!&]/g, (c) => `\\${c}`)
        .trim();
}
function code(text) {
    // Host patterns and prefixes never hold a backtick; anything else is shown escaped, not as code.
    return /^[\w.*:/-]+$/.test(text) ? `\`${text}\`` : cell(text);
}
function setCell(s) {
    return `${s.serviceArea} set ${s.id} (${s.category}${s.required ? '' : ', optional'})`;
}
/** The changelog of one update, newest version first within each cloud. */
function renderChangelog(logs, meta) {
    const out = [
        `## Microsoft 365 endpoints: update of ${meta.fetchedAt.slice(0, 10)}`,
        '',
        `From ${cell(meta.serviceUrl)}.`,
    ];
    for (const log of logs) {
        const count = (c) => log.endpoints.filter((e) => e.change === c).length;
        out.push('', `### ${CLOUD_TITLES[log.instance]}: ${log.before.label} → version ${log.after.version} (${log.after.dataDate})`, '', `${count('added')} added, ${count('removed')} removed, ${count('moved')} moved between endpoint sets, ${log.sets.length} endpoint-set change${log.sets.length === 1 ? '' : 's'}.`);
        const added = log.endpoints.filter((e) => e.change === 'added');
        if (added.length > 0) {
            out.push('', '#### Added', '', '| Endpoint | Endpoint set | Effective | Version | Impact |');
            out.push('| --- | --- | --- | --- | --- |');
            for (const e of added)
                out.push(`| ${code(e.value)} | ${setCell(e.set)} | ${e.effectiveDate ?? 'now'} | ${e.version} | ${cell(e.impact ?? '')} |`);
        }
        const removed = log.endpoints.filter((e) => e.change === 'removed');
        if (removed.length > 0) {
            out.push('', '#### Removed', '', '| Endpoint | Endpoint set | Version | Impact |');
            out.push('| --- | --- | --- | --- |');
            for (const e of removed)
                out.push(`| ${code(e.value)} | ${setCell(e.set)}${e.stillIn ? `; still in set ${e.stillIn.join(', ')}` : ''} | ${e.version} | ${cell(e.impact ?? '')} |`);
        }
        const moved = log.endpoints.filter((e) => e.change === 'moved');
        if (moved.length > 0) {
            out.push('', '#### Moved between endpoint sets', '', '| Endpoint | From | To | Effective | Version |');
            out.push('| --- | --- | --- | --- | --- |');
            for (const e of moved)
                out.push(`| ${code(e.value)} | ${setCell(e.from)} | ${setCell(e.set)} | ${e.effectiveDate ?? 'now'} | ${e.version} |`);
        }
        if (log.sets.length > 0) {
            out.push('', '#### Endpoint sets changed', '', '| Endpoint set | Change | Before | After | Version |');
            out.push('| --- | --- | --- | --- | --- |');
            for (const s of log.sets) {
                const what = s.field === 'set' ? (s.before === '' ? 'added' : 'removed') : FIELD_TITLES[s.field];
                out.push(`| ${setCell(s.set)} | ${what} | ${cell(s.before) || '–'} | ${cell(s.after) || '–'} | ${s.version} |`);
            }
        }
    }
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/catalogue/update.ts





/**
 * One update of a catalogue from the web service: `/version` per instance (at most once an hour,
 * through the injected cache), and only for an instance whose version is newer than the data at
 * hand, `/endpoints` and `/changes`. Pure apart from the injected service: the caller reads the
 * baseline and writes the result.
 */
/** The version check is cached this long, as the web service asks. */
const VERSION_CACHE_MS = 60 * 60 * 1000;
/** The version of a cloud's data; data without one counts as the version of its data date. */
function versionOf(cloud) {
    const p = cloud.provenance;
    if (isWebServiceProvenance(p))
        return { version: p.version, known: true };
    // The reference copies carry only the date they were live; anything published after that
    // date is newer, which is what /changes/{instance}/{date}00 returns.
    return { version: `${p.dataDate.replace(/-/g, '')}00`, known: false };
}
async function updateCatalogue(input) {
    const { baseline, now } = input;
    const outcomes = [];
    const logs = [];
    const fetched = new Map();
    const clouds = {};
    for (const instance of input.instances) {
        const cloud = baseline.clouds[instance];
        const current = versionOf(cloud);
        const cached = input.cachedVersion?.(instance);
        let latest;
        let fromCache = false;
        if (cached && now.getTime() - Date.parse(cached.checkedAt) < VERSION_CACHE_MS) {
            latest = cached.latest;
            fromCache = true;
        }
        else {
            const answer = await input.service.version(instance);
            latest = answer.latest;
            fetched.set(instance, { latest, checkedAt: now.toISOString() });
        }
        const newer = latest > current.version;
        outcomes.push({
            instance,
            ...(current.known ? { current: current.version } : {}),
            latest,
            cached: fromCache,
            updated: newer,
        });
        if (!newer)
            continue;
        const { answers, sets: raw } = await input.service.endpoints(instance);
        const changes = await input.service.changes(instance, current.version);
        const where = `${input.serviceUrl.replace(/\/+$/, '')}/endpoints/${instance}`;
        const sets = endpointSetsOf(where, raw);
        const hash = (0,external_node_crypto_.createHash)('sha256');
        for (const a of answers)
            hash.update(a.text, 'utf8');
        const fresh = {
            instance,
            provenance: {
                source: 'web-service',
                serviceUrl: input.serviceUrl.replace(/\/+$/, ''),
                version: latest,
                fetchedAt: now.toISOString(),
                dataDate: versionDate(latest),
                sha256: hash.digest('hex'),
                includesMem: true,
            },
            endpointSets: sets,
        };
        // Only what /changes published after the data at hand belongs to this update.
        const relevant = changes.filter((c) => c.version > current.version && c.version <= latest);
        const log = compareClouds(cloud, fresh, relevant, latest);
        logs.push(log);
        const history = nextHistory(cloud, fresh, log, relevant);
        clouds[instance] = {
            ...fresh,
            ...(history.removed.length > 0 || history.added.length > 0 ? { history } : {}),
        };
    }
    if (Object.keys(clouds).length === 0)
        return { logs, outcomes, versionsFetched: fetched };
    const catalogue = {
        schemaVersion: baseline.schemaVersion,
        clientRequestId: input.clientRequestId,
        generatedFrom: baseline.generatedFrom,
        clouds: { ...baseline.clouds, ...clouds },
        otherEndpoints: baseline.otherEndpoints,
    };
    const problems = validateCatalogueData(catalogue);
    if (problems.length > 0)
        throw new CatalogueDataError(`the updated catalogue does not match schemas/catalogue.schema.json: ${problems.slice(0, 5).join('; ')}`);
    return { catalogue, logs, outcomes, versionsFetched: fetched };
}

;// CONCATENATED MODULE: ./src/catalogue/source.ts







/**
 * The `catalogue` option of a check: the embedded data, a committed snapshot, or the web service
 * (`live`, through an on-disk cache). A check never fails because the service is down: `live`
 * falls back to the cache, then to the embedded data, with a warning.
 */
/** Data older than this gets a notice. */
const MAX_AGE_DAYS = 45;
const DAY_MS = 24 * 60 * 60 * 1000;
async function chooseCatalogue(root, options, env) {
    const choice = await load(root, options, env);
    const notes = [...choice.notes];
    const cloud = choice.catalogue.clouds[options.instance];
    const age = Math.floor((env.now.getTime() - Date.parse(cloud.provenance.dataDate)) / DAY_MS);
    const confirmed = choice.origin === 'live';
    if (!confirmed && age > MAX_AGE_DAYS)
        notes.push(`the catalogue data is ${age} days old (data of ${cloud.provenance.dataDate}); Microsoft changes the endpoints every month: run "endpoint-drift catalogue update" or use "catalogue: live"`);
    return { ...choice, notes };
}
async function load(root, options, env) {
    if (options.catalogue === 'embedded')
        return { catalogue: EMBEDDED_CATALOGUE, origin: 'embedded', notes: [], warnings: [] };
    if (options.catalogue === 'live')
        return live(root, options, env);
    const file = snapshotFile(root, env.trustedPath
        ? external_node_path_default().resolve(root, options.catalogue)
        : insideRoot(root, options.catalogue, 'catalogue'));
    const shown = external_node_path_default().relative(root, file).split((external_node_path_default()).sep).join('/');
    if (!env.trustedPath)
        await confine(root, file, 'catalogue');
    const snapshot = await readSnapshot(file, shown);
    if (!snapshot)
        throw new SnapshotError(`catalogue: ${shown} does not exist (write it with "endpoint-drift catalogue update --output ${external_node_path_default().dirname(shown)}")`);
    return { catalogue: snapshot.catalogue, origin: 'snapshot', notes: [], warnings: [] };
}
async function live(root, options, env) {
    const dir = insideRoot(root, options.catalogueCache, 'catalogue-cache');
    const cache = new CatalogueCache(dir);
    const file = external_node_path_default().join(dir, SNAPSHOT_FILE);
    const shown = external_node_path_default().relative(root, file).split((external_node_path_default()).sep).join('/');
    await confine(root, dir, 'catalogue-cache');
    const warnings = [];
    let cached;
    try {
        cached = (await readSnapshot(file, shown))?.catalogue;
    }
    catch (e) {
        if (!(e instanceof SnapshotError))
            throw e;
        warnings.push(`${e.message}; the cache is ignored`);
    }
    const baseline = cached ?? EMBEDDED_CATALOGUE;
    const serviceUrl = env.serviceUrl ?? DEFAULT_SERVICE_URL;
    try {
        const clientRequestId = cached?.clientRequestId ?? (await cache.clientRequestId());
        const service = new WebService({
            serviceUrl,
            clientRequestId,
            ...(env.fetch ? { fetch: env.fetch } : {}),
            ...(env.sleep ? { sleep: env.sleep } : {}),
            // A check should not hang on the service: fail over to the cache quickly.
            retries: 1,
            maxWaitMs: 10_000,
            timeoutMs: 15_000,
        });
        const versions = new Map();
        versions.set(options.instance, await cache.version(options.instance));
        const out = await updateCatalogue({
            baseline,
            instances: [options.instance],
            service,
            serviceUrl,
            clientRequestId,
            now: env.now,
            cachedVersion: (i) => versions.get(i),
        });
        if (out.catalogue)
            await writeFilesAtomically([{ path: file, text: serializeSnapshot(out.catalogue) }]);
        for (const [i, v] of out.versionsFetched)
            await cache.saveVersion(i, v);
        const catalogue = out.catalogue ?? baseline;
        const p = catalogue.clouds[options.instance].provenance;
        const latest = out.outcomes[0].latest;
        if (isWebServiceProvenance(p))
            return { catalogue, origin: 'live', notes: [], warnings };
        return {
            catalogue,
            origin: 'embedded',
            notes: [
                `the web service's version ${latest} is not newer than the embedded data of ${p.dataDate}`,
            ],
            warnings,
        };
    }
    catch (e) {
        // The cache folder may be unwritable too: none of it is a reason to fail the check.
        const fsError = typeof e?.code === 'string';
        if (!(e instanceof WebServiceError || e instanceof CatalogueDataError || fsError))
            throw e;
        const p = baseline.clouds[options.instance].provenance;
        const fallback = isWebServiceProvenance(p)
            ? `the cached data of version ${p.version} (fetched ${p.fetchedAt.slice(0, 10)})`
            : `the embedded data of ${p.dataDate}`;
        warnings.push(`catalogue: live: ${e.message}; using ${fallback}`);
        return {
            catalogue: baseline,
            origin: cached && isWebServiceProvenance(p) ? 'cache' : 'embedded',
            notes: [...warnings],
            warnings,
        };
    }
}

;// CONCATENATED MODULE: ./schemas/config.schema.json
const config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://endpoint-drift.dev/schemas/config.schema.json","title":"endpoint-drift configuration","description":"The configuration file (default .github/endpoint-drift.yml). Every option has the same kebab-case name as the action input and the CLI flag; inputs and flags override the file, which overrides the defaults given here.","type":"object","additionalProperties":false,"properties":{"instance":{"description":"The Microsoft 365 cloud whose catalogue applies.","enum":["worldwide","china","usgovdod","usgovgcchigh"],"default":"worldwide"},"service-areas":{"description":"Service areas whose endpoints are required. MEM (Intune) is opt-in.","type":"array","items":{"enum":["Common","Exchange","SharePoint","Skype","MEM"]},"uniqueItems":true,"minItems":1,"default":["Common","Exchange","SharePoint","Skype"]},"categories":{"description":"Endpoint categories that are required.","type":"array","items":{"enum":["Optimize","Allow","Default"]},"uniqueItems":true,"minItems":1,"default":["Optimize","Allow","Default"]},"include-optional":{"description":"Also demand endpoint sets marked required: false (reported as notices).","type":"boolean","default":false},"ipv6":{"description":"Demand the IPv6 prefixes of the catalogue.","type":"boolean","default":true},"tenant":{"description":"Tenant label substituted into tenant-specific patterns such as autodiscover.*.onmicrosoft.com.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"},"scenarios":{"description":"Opt-in scenario ids from the \'Other endpoints not included in the web service\' data.","type":"array","items":{"type":"string","minLength":1},"uniqueItems":true,"default":[]},"fail-on":{"description":"The lowest severity that fails the check.","enum":["error","warning","notice","never"],"default":"error"},"catalogue":{"description":"Where the Microsoft 365 catalogue comes from: embedded (the data bundled with this version, works offline), live (the web service, checked at most once an hour, kept in catalogue-cache; falls back to the cached or embedded data when the service cannot be reached), or the path of a snapshot written by `endpoint-drift catalogue update` (its folder or its catalogue.json), relative to the repository root.","type":"string","minLength":1,"default":"embedded"},"catalogue-cache":{"description":"The folder, relative to the repository root, where catalogue: live keeps the web service\'s answers (cache it with actions/cache).","type":"string","minLength":1,"default":".endpoint-drift-cache"},"min-severity":{"description":"The lowest severity shown in the text report, the job summary and the annotations. It does not change what fails the check (fail-on) nor the JSON report, which holds every finding.","enum":["error","warning","notice"],"default":"notice"},"allowlists":{"description":"Allowlist files to check. All files of one group together form one allowlist. A plain string is the short form of {path: string}.","type":"array","default":[],"items":{"type":"object","additionalProperties":false,"required":["path"],"properties":{"path":{"description":"A file path or glob, relative to the repository root.","type":"string","minLength":1},"format":{"description":"The file format, or auto to detect it.","type":"string","minLength":1,"default":"auto"},"scope":{"description":"dedicated: the file exists for Microsoft 365, so anything not in the catalogue is extraneous. mixed: a general allowlist; only entries in Microsoft 365 namespaces or address space are judged.","enum":["dedicated","mixed"],"default":"dedicated"},"group":{"description":"Allowlists of different firewalls are checked separately: files with the same group form one allowlist.","type":"string","minLength":1,"default":"default"},"options":{"description":"Settings of the file\'s format (see the format table in README.md), e.g. a CSV column mapping or values of Terraform variables.","type":"object"}}}},"dns":{"description":"DNS record files to check against what the cloud requires (zone files, DNS-as-code, exports). A plain string is the short form of {path: string}.","type":"array","default":[],"items":{"type":"object","additionalProperties":false,"required":["path"],"properties":{"path":{"description":"A file path or glob, relative to the repository root.","type":"string","minLength":1},"format":{"description":"The file format, or auto to detect it.","type":"string","minLength":1,"default":"auto"},"options":{"description":"Settings of the file\'s format, e.g. the zone origin or values of Terraform variables.","type":"object"}}}},"domains":{"description":"Domains whose records are checked, with the services they use and the per-tenant values that make the checks exact. Domains of the DNS files (their zones) are checked too, with the default services.","type":"array","default":[],"items":{"type":"object","additionalProperties":false,"required":["domain"],"properties":{"domain":{"type":"string","minLength":1,"description":"The domain, e.g. contoso.com."},"services":{"type":"array","uniqueItems":true,"items":{"enum":["exchange","teams","intune","dkim"]},"default":["exchange","teams"],"description":"Microsoft 365 services the domain uses."},"mx-token":{"type":"string","minLength":1,"description":"The MX token of the domain (contoso-com in contoso-com.mail.protection.outlook.com)."},"initial-domain":{"type":"string","minLength":1,"description":"The tenant\'s initial domain, e.g. contoso.onmicrosoft.com."},"dkim":{"type":"object","additionalProperties":false,"properties":{"selector1":{"type":"string","minLength":1},"selector2":{"type":"string","minLength":1}},"description":"The DKIM selector CNAME targets shown in the Defender portal."}}}}}}');
;// CONCATENATED MODULE: ./src/model/location.ts
function formatLocation(loc) {
    if (loc.line <= 0)
        return loc.file;
    return `${loc.file}:${loc.line}:${loc.column}`;
}
function compareLocations(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/formats/syntax/positions.ts
/** Line and column of offsets in a text, by binary search over the line starts. */
class TextPositions {
    #starts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
            this.#starts.push(i + 1);
        }
    }
    /** 1-based line and column of a UTF-16 offset (lines end at `\n` only). */
    at(offset) {
        const starts = this.#starts;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
    /** Offset of the first character of a 1-based line. */
    lineStart(line) {
        return this.#starts[line - 1] ?? 0;
    }
}
/** 1-based line and column of a UTF-16 offset, for a single look-up (build a TextPositions for many). */
function positionOf(text, offset) {
    return new TextPositions(text).at(offset);
}

;// CONCATENATED MODULE: ./src/formats/syntax/yaml.ts


function parsePositioned(text) {
    const lines = new TextPositions(text);
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true });
    const errors = doc.errors.map((e) => {
        return { ...lines.at(e.pos[0]), message: firstLine(e.message) };
    });
    return { doc, lines, errors };
}
function firstLine(message) {
    const line = message.split('\n')[0] ?? message;
    return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
/** 1-based line and column of a node's start; the document start when there is no node. */
function nodePosition(doc, node) {
    const range = node?.range;
    if (!range)
        return { line: 1, column: 1 };
    return doc.lines.at(range[0]);
}
/**
 * The node at a JSON pointer (`/allowlists/0/scope`), as deep as the document goes. With `key: true`
 * the last step returns the key node instead of the value (for "unknown property" errors).
 */
function nodeAt(pd, pointer, key = false) {
    const steps = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
    let node = pd.doc.contents;
    for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        const last = i === steps.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            // The last of duplicate keys, as toJS() keeps the last value.
            const pair = node.items.findLast((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === step);
            if (!pair)
                return node;
            node = last && key ? pair.key : (pair.value ?? pair.key);
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            const item = node.items[Number(step)];
            if (item === undefined)
                return node;
            node = item;
        }
        else {
            return node;
        }
    }
    return node;
}
function unescapePointer(s) {
    return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
/** Every comment of a YAML text by 1-based line, found in the parser's concrete syntax tree. */
function yamlComments(text, lines, tokens) {
    const found = new Map();
    const visit = (node, depth) => {
        if (depth > 200 || node === null || typeof node !== 'object')
            return;
        if (Array.isArray(node)) {
            for (const item of node)
                visit(item, depth + 1);
            return;
        }
        const token = node;
        if (token.type === 'comment' &&
            typeof token.offset === 'number' &&
            typeof token.source === 'string') {
            const { line, column } = lines.at(token.offset);
            const inline = text.slice(token.offset - column + 1, token.offset).trim() !== '';
            found.set(line, { text: token.source.replace(/^#/, '').trim(), inline });
            return;
        }
        for (const value of Object.values(node))
            visit(value, depth + 1);
    };
    visit(tokens, 0);
    return found;
}
function readYaml(text) {
    const lines = new TextPositions(text);
    const tokens = Array.from(new dist/* Parser */.iX().parse(text));
    let doc;
    for (const next of new dist/* Composer */.Dk({ uniqueKeys: false }).compose(tokens, true, text.length)) {
        if (!doc)
            doc = next;
        else {
            doc.errors.push(new dist/* YAMLParseError */.XT([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'the file holds more than one YAML document'));
            break;
        }
    }
    doc ??= new dist/* Document */.yo();
    const comments = yamlComments(text, lines, tokens);
    const error = doc.errors[0];
    if (!error)
        return { doc, lines, comments };
    const message = (error.message.split('\n')[0] ?? '')
        .replace(/ at line \d+, column \d+:?$/, '')
        .trim();
    return { doc, lines, comments, syntax: { ...lines.at(error.pos[0]), message } };
}
/** The first key a mapping repeats, and where it repeats it. */
function duplicateKey(src, map) {
    const seen = new Set();
    for (const pair of map.items) {
        const node = resolved(src, pair.key);
        const key = scalarText(node);
        if (key === undefined)
            continue;
        if (seen.has(key))
            return { key, node };
        seen.add(key);
    }
    return undefined;
}
/**
 * The comment for something written on `inlineLines`: an inline comment on one of them, else the
 * comment lines right above the first of `aboveLines` that has some (joined; rules of `=` or `-`
 * left out).
 */
function commentFor(comments, inlineLines, aboveLines) {
    for (const l of inlineLines) {
        const c = comments.get(l);
        if (c?.inline && c.text !== '')
            return c.text;
    }
    for (const line of aboveLines) {
        const above = [];
        for (let l = line - 1; l > 0; l--) {
            const c = comments.get(l);
            if (!c || c.inline)
                break;
            if (/[A-Za-z0-9\u0080-\uffff]/.test(c.text))
                above.unshift(c.text);
        }
        if (above.length > 0)
            return above.join('\n');
    }
    return undefined;
}
/** Where a node's content starts: inside the quotes of a quoted scalar. */
function contentPosition(src, node) {
    const pos = nodePosition(src, node);
    const quoted = (0,dist/* isScalar */.jn)(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const start = node?.range?.[0];
    // After the quote, which may end its line.
    return quoted && start !== undefined ? src.lines.at(start + 1) : pos;
}
/** The node behind an alias. */
function resolved(src, node) {
    return (0,dist/* isAlias */.Vj)(node) ? node.resolve(src.doc) : node;
}
/** A scalar's value as text (`3600` and `true` too); undefined for collections and null. */
function scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    const v = node.value;
    return typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
            ? String(v)
            : undefined;
}
/** Written so that a YAML reader gets the text back: plain when safe, else single-quoted. */
function yamlScalar(text) {
    if (/^[A-Za-z0-9_][A-Za-z0-9_.\-=+/ ]*$/.test(text) &&
        !/ $/.test(text) &&
        !/^(?:true|false|null|yes|no|on|off|~|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i.test(text)) {
        return text;
    }
    return `'${text.replace(/'/g, "''")}'`;
}

;// CONCATENATED MODULE: ./src/config/validate.ts



// verbose: errors carry the schema and the data, for "did you mean".
const ajv = new _2020.Ajv2020({ allErrors: true, useDefaults: true, strict: true, verbose: true });
const compiled = new Map();
function compile(schema) {
    let fn = compiled.get(schema);
    if (!fn) {
        fn = ajv.compile(schema);
        compiled.set(schema, fn);
    }
    return fn;
}
/**
 * Validates `data` (filling in schema defaults) and turns every error into a message with the
 * position of the offending node in `source`, when there is one.
 */
function validateWithSchema(schema, data, source) {
    const validate = compile(schema);
    if (validate(data))
        return [];
    const problems = [];
    const seen = new Set();
    for (const err of simplify(validate.errors ?? [])) {
        const unknownKey = err.keyword === 'additionalProperties';
        const pointer = unknownKey
            ? `${err.instancePath}/${String(err.params.additionalProperty)}`
            : err.instancePath;
        const message = describe(err);
        const id = `${pointer}\u0000${message}`;
        if (seen.has(id))
            continue;
        seen.add(id);
        const pos = source
            ? nodePosition(source, nodeAt(source, pointer, unknownKey))
            : { line: 0, column: 0 };
        problems.push({ pointer, message, ...pos });
    }
    return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
/** Drops the noise ajv adds around `oneOf`/`anyOf` when a more specific error exists at the same place. */
function simplify(errors) {
    const specific = new Set(errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf').map((e) => e.instancePath));
    return errors.filter((e) => !((e.keyword === 'oneOf' || e.keyword === 'anyOf') && specific.has(e.instancePath)));
}
function describe(err) {
    const where = err.instancePath === '' ? 'the document' : `"${pointerToName(err.instancePath)}"`;
    const p = err.params;
    switch (err.keyword) {
        case 'enum': {
            const allowed = p.allowedValues;
            const hint = typeof err.data === 'string'
                ? didYouMean(err.data, allowed.filter((v) => typeof v === 'string'))
                : '';
            return `${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${hint}`;
        }
        case 'type':
            return `${where} must be ${article(String(p.type))}`;
        case 'additionalProperties': {
            const known = Object.keys(err.parentSchema?.properties ??
                {});
            return `unknown key "${String(p.additionalProperty)}"${err.instancePath ? ` in ${where}` : ''}${didYouMean(String(p.additionalProperty), known)}`;
        }
        case 'required':
            return `${where} needs the key "${String(p.missingProperty)}"`;
        case 'uniqueItems':
            return `${where} lists the same value twice (items ${String(p.j)} and ${String(p.i)})`;
        case 'minItems':
            return `${where} must not be empty`;
        case 'minLength':
            return `${where} must not be empty`;
        case 'pattern':
            return `${where} is not valid (expected a value matching ${String(p.pattern)})`;
        default:
            return `${where} ${err.message ?? 'is not valid'}`;
    }
}
function article(type) {
    const names = {
        array: 'a list',
        object: 'a mapping',
        string: 'a string',
        boolean: 'true or false',
        integer: 'a whole number',
        number: 'a number',
    };
    return type
        .split(',')
        .map((t) => names[t] ?? t)
        .join(' or ');
}
function pointerToName(pointer) {
    return pointer
        .slice(1)
        .split('/')
        .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`))
        .join('')
        .replace(/^\./, '');
}

;// CONCATENATED MODULE: ./src/config/options.ts




/** A user error in configuration: each message is one line naming file, line and column. */
class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(problems.join('\n'));
        this.name = 'ConfigError';
        this.problems = problems;
    }
}
/** Names of the options that inputs and flags may set (the config-file keys). */
const OPTION_NAMES = [
    'instance',
    'service-areas',
    'categories',
    'include-optional',
    'ipv6',
    'tenant',
    'scenarios',
    'fail-on',
    'catalogue',
    'catalogue-cache',
    'min-severity',
];
const LIST_OPTIONS = new Set(['service-areas', 'categories', 'scenarios']);
const BOOLEAN_OPTIONS = new Set(['include-optional', 'ipv6']);
/**
 * Merges, in one place: schema defaults < config file < inputs/flags. `allowlists` from inputs
 * (paths or globs) replace those of the file.
 */
function resolveOptions(file, overrides, extraAllowlists = [], extraDns = []) {
    const problems = [];
    let fromFile = {};
    const origins = new Map();
    const dnsOrigins = new Map();
    if (file) {
        const pd = parsePositioned(file.text);
        for (const e of pd.errors)
            problems.push(`${file.path}:${e.line}:${e.column}: ${e.message}`);
        if (pd.errors.length === 0) {
            const value = pd.doc.toJS();
            if (value === null || value === undefined)
                fromFile = {};
            else if (typeof value !== 'object' || Array.isArray(value))
                problems.push(`${file.path}:1:1: the configuration must be a mapping of options`);
            else {
                fromFile = shortForms(value);
                for (const p of validateWithSchema(config_schema_namespaceObject, structuredClone(fromFile), pd))
                    problems.push(`${file.path}:${p.line}:${p.column}: ${p.message}`);
                for (const [key, map] of [
                    ['allowlists', origins],
                    ['dns', dnsOrigins],
                ]) {
                    const list = pd.doc.get(key, true);
                    list?.items?.forEach((item, i) => {
                        const start = item.range?.[0];
                        if (start !== undefined) {
                            map.set(i, { file: file.path, ...pd.lines.at(start) });
                        }
                    });
                }
            }
        }
    }
    if (problems.length > 0)
        throw new ConfigError(problems);
    const merged = { ...fromFile };
    for (const name of OPTION_NAMES) {
        const raw = overrides[name];
        if (raw === undefined)
            continue;
        const text = (Array.isArray(raw) ? raw.join(',') : raw).trim();
        if (text === '')
            continue;
        const value = parseOverride(name, text);
        if (value.error)
            problems.push(`--${name}: ${value.error}`);
        else
            merged[name] = value.value;
    }
    if (extraAllowlists.length > 0) {
        merged.allowlists = extraAllowlists.map((path) => ({ path }));
        origins.clear();
    }
    if (extraDns.length > 0) {
        merged.dns = extraDns.map((path) => ({ path }));
        dnsOrigins.clear();
    }
    if (problems.length > 0)
        throw new ConfigError(problems);
    const data = structuredClone(merged);
    for (const p of validateWithSchema(config_schema_namespaceObject, data)) {
        const option = p.pointer.split('/')[1] ?? '';
        problems.push(`${option ? `--${option}` : 'options'}: ${p.message}`);
    }
    if (problems.length > 0)
        throw new ConfigError(problems);
    const d = data;
    const allowlists = d.allowlists.map((a, i) => {
        const origin = origins.get(i);
        return {
            path: a.path,
            format: a.format,
            scope: a.scope,
            group: a.group,
            ...(a.options ? { options: a.options } : {}),
            ...(origin ? { origin } : {}),
        };
    });
    const dns = d.dns.map((a, i) => {
        const origin = dnsOrigins.get(i);
        return {
            path: a.path,
            format: a.format,
            ...(a.options ? { options: a.options } : {}),
            ...(origin ? { origin } : {}),
        };
    });
    const domains = d.domains.map((a) => ({
        domain: a.domain.toLowerCase().replace(/\.$/, ''),
        services: a.services,
        ...(a['mx-token'] ? { mxToken: a['mx-token'] } : {}),
        ...(a['initial-domain'] ? { initialDomain: a['initial-domain'] } : {}),
        ...(a.dkim ? { dkim: a.dkim } : {}),
    }));
    return {
        instance: d.instance,
        serviceAreas: d['service-areas'],
        categories: d.categories,
        includeOptional: d['include-optional'],
        ipv6: d.ipv6,
        // DNS names are case-insensitive: `Contoso` is the tenant `contoso`.
        ...(typeof d.tenant === 'string' ? { tenant: d.tenant.toLowerCase() } : {}),
        scenarios: d.scenarios,
        failOn: d['fail-on'],
        catalogue: d.catalogue,
        catalogueCache: d['catalogue-cache'],
        minSeverity: d['min-severity'],
        allowlists,
        dns,
        domains,
    };
}
/** `allowlists: [net/*.txt]`: a string in a file list is the short form of `{path: …}`. */
function shortForms(value) {
    const out = { ...value };
    for (const key of ['allowlists', 'dns']) {
        const list = out[key];
        if (Array.isArray(list))
            out[key] = list.map((item) => (typeof item === 'string' ? { path: item } : item));
    }
    return out;
}
function parseOverride(name, text) {
    if (BOOLEAN_OPTIONS.has(name)) {
        const t = text.toLowerCase();
        if (t === 'true' || t === 'yes' || t === '1')
            return { value: true };
        if (t === 'false' || t === 'no' || t === '0')
            return { value: false };
        return { error: `expected true or false, got "${text}"` };
    }
    if (LIST_OPTIONS.has(name)) {
        const items = text
            .split(/[\s,]+/)
            .map((s) => s.trim())
            .filter(Boolean);
        return { value: name === 'scenarios' ? items : items.map((s) => canonicalCase(name, s)) };
    }
    return { value: name === 'instance' ? text.toLowerCase() : text };
}
const CANONICAL = {
    'service-areas': ['Common', 'Exchange', 'SharePoint', 'Skype', 'MEM'],
    categories: ['Optimize', 'Allow', 'Default'],
};
/** Flags are forgiving about case (`exchange`); the config file is exact, like the schema. */
function canonicalCase(name, value) {
    return CANONICAL[name]?.find((c) => c.toLowerCase() === value.toLowerCase()) ?? value;
}
function describeOrigin(spec, flag = '--allowlist') {
    return spec.origin ? formatLocation(spec.origin) : `${flag} ${spec.path}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/io/files.ts





const DEFAULT_CONFIG = '.github/endpoint-drift.yml';
/**
 * The configuration file: `given` (relative to `base`) or, when none is given, the default under
 * `root` if it exists. Errors name the file.
 */
async function readConfigFile(root, given, base = root) {
    const file = given ? external_node_path_default().resolve(base, given) : external_node_path_default().join(root, DEFAULT_CONFIG);
    if (!given && !(0,external_node_fs_.existsSync)(file))
        return undefined;
    const shown = external_node_path_default().relative(base, file) || file;
    const read = await readText(file, shown);
    if ('error' in read)
        throw new ConfigError([`${read.error} (the configuration file)`]);
    return { path: shown, text: read.text };
}
/** Larger files are refused: no allowlist is this big, and reading one would exhaust memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Expands each spec's path or glob under `root` and reads the files; never throws for user errors. */
async function loadFiles(root, specs, flag = '--allowlist') {
    const files = [];
    const errors = [];
    const seen = new Set();
    for (const spec of specs) {
        const paths = await expand(root, spec.path);
        if (paths.length === 0) {
            errors.push(`${describeOrigin(spec, flag)}: "${spec.path}" matches no file`);
            continue;
        }
        for (const rel of paths) {
            const key = `${spec.group ?? ''}\u0000${rel}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            const read = await readText(external_node_path_default().join(root, rel), rel);
            if ('error' in read)
                errors.push(read.error);
            else
                files.push({ spec, path: rel, text: read.text });
        }
    }
    return { files, errors };
}
async function expand(root, pattern) {
    const normalised = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!(0,tinyglobby_dist/* isDynamicPattern */.ey)(normalised)) {
        try {
            const s = await (0,promises_.stat)(external_node_path_default().join(root, normalised));
            return s.isFile() || s.isDirectory() ? [normalised] : [];
        }
        catch {
            return [];
        }
    }
    const found = await (0,tinyglobby_dist/* glob */.TI)(normalised, {
        cwd: root,
        onlyFiles: true,
        dot: true,
        expandDirectories: false,
    });
    return found.sort();
}
/** Reads a file as UTF-8 text, refusing directories, oversized, binary and non-UTF-8 files. */
async function readText(absolute, shown, limit = MAX_FILE_BYTES) {
    let size;
    try {
        const s = await (0,promises_.stat)(absolute);
        if (s.isDirectory())
            return { error: `${shown}: is a directory, not a file` };
        size = s.size;
    }
    catch (e) {
        return { error: `${shown}: cannot be read (${describeIoError(e)})` };
    }
    if (size > limit)
        return {
            error: `${shown}: is too large to check (${size} bytes; the limit is ${limit} bytes)`,
        };
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(absolute);
    }
    catch (e) {
        return { error: `${shown}: cannot be read (${describeIoError(e)})` };
    }
    const nul = bytes.indexOf(0);
    if (nul !== -1)
        return { error: `${shown}: is not a text file (NUL byte at offset ${nul})` };
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    }
    catch {
        return { error: `${shown}: is not valid UTF-8 text` };
    }
}
function describeIoError(e) {
    const code = e.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return code ?? String(e);
}
/**
 * Reads files that a parsed file names (includes, ACL files): relative to the naming file's
 * folder, or to the root when absolute-looking; never outside the root. Undefined when absent.
 */
function referencedFileReader(root) {
    const top = external_node_path_default().resolve(root);
    return (name, from) => {
        const target = external_node_path_default().resolve(top, name.startsWith('/') ? name.slice(1) : external_node_path_default().join(external_node_path_default().dirname(from), name));
        if (target !== top && !target.startsWith(top + (external_node_path_default()).sep))
            return undefined;
        try {
            if (!(0,external_node_fs_.statSync)(target).isFile() || (0,external_node_fs_.statSync)(target).size > MAX_FILE_BYTES)
                return undefined;
            const bytes = (0,external_node_fs_.readFileSync)(target);
            if (bytes.includes(0))
                return undefined;
            return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        }
        catch {
            return undefined;
        }
    };
}

;// CONCATENATED MODULE: ./src/cli-catalogue.ts











const CATALOGUE_HELP = `Usage: endpoint-drift catalogue update [options]

Fetches the Microsoft 365 endpoint data from the web service when it is newer than the snapshot
at hand (or the embedded data), and writes the snapshot (catalogue.json) and a changelog
(CHANGELOG.md, newest first). Nothing is written when nothing is newer.

  --instance NAME      all | worldwide | china | usgovdod | usgovgcchigh (default: all)
  --output DIR         snapshot folder (default: the config's catalogue: path, else
                       .github/endpoint-drift/catalogue)
  --service-url URL    the web service (default: ${DEFAULT_SERVICE_URL})
  --cache DIR          where /version answers and the client id are kept (default: the config's
                       catalogue-cache, .endpoint-drift-cache)
  --changes FILE       also write this update's changelog alone to FILE (a pull request body)
  --config FILE        configuration file (default: .github/endpoint-drift.yml when present)
  --root DIR           repository root (default: .)

Exit status: 0 updated or already current, 2 usage error or a failed or malformed answer
(nothing is written then).
`;
class UsageError extends Error {
}
/** `endpoint-drift catalogue <subcommand>`; returns the exit status. */
async function catalogueCommand(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
        io.stdout(CATALOGUE_HELP);
        return sub === undefined ? 2 : 0;
    }
    if (sub !== 'update') {
        io.stderr(`endpoint-drift catalogue: unknown subcommand "${sub}" (expected update)\n`);
        return 2;
    }
    try {
        return await update(rest, io);
    }
    catch (e) {
        if (e instanceof UsageError ||
            e instanceof ConfigError ||
            e instanceof WebServiceError ||
            e instanceof CatalogueDataError ||
            e instanceof SnapshotError) {
            io.stderr(`endpoint-drift catalogue update: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
}
async function update(argv, io) {
    let values;
    try {
        values = (0,external_node_util_.parseArgs)({
            args: [...argv],
            strict: true,
            allowPositionals: false,
            options: {
                instance: { type: 'string' },
                output: { type: 'string' },
                'service-url': { type: 'string' },
                cache: { type: 'string' },
                changes: { type: 'string' },
                config: { type: 'string' },
                root: { type: 'string' },
            },
        }).values;
    }
    catch (e) {
        throw new UsageError(`${e.message.split('\n')[0]} (see catalogue --help)`);
    }
    const instanceArg = (values.instance ?? 'all').toLowerCase();
    const instances = instanceArg === 'all'
        ? INSTANCES
        : INSTANCES.includes(instanceArg)
            ? [instanceArg]
            : [];
    if (instances.length === 0)
        throw new UsageError(`--instance must be all, ${INSTANCES.join(', ')}; got "${values.instance ?? ''}"`);
    const serviceUrl = (values['service-url'] ?? DEFAULT_SERVICE_URL).replace(/\/+$/, '');
    if (!/^https?:\/\/[^/\s]+/i.test(serviceUrl))
        throw new UsageError(`--service-url must be an http(s) URL, got "${serviceUrl}"`);
    const root = external_node_path_default().resolve(io.cwd, values.root ?? '.');
    const config = await readConfigFile(root, values.config, io.cwd);
    const options = resolveOptions(config, {});
    // The config's `catalogue:` names the snapshot file, or its folder (catalogue.json in it).
    const configured = options.catalogue === 'embedded' || options.catalogue === 'live'
        ? undefined
        : snapshotFile(root, insideRoot(root, options.catalogue, 'catalogue'));
    const target = values.output
        ? external_node_path_default().join(external_node_path_default().resolve(io.cwd, values.output), SNAPSHOT_FILE)
        : (configured ?? external_node_path_default().join(root, DEFAULT_SNAPSHOT_DIR, SNAPSHOT_FILE));
    const outputDir = external_node_path_default().dirname(target);
    const cacheDir = values.cache
        ? external_node_path_default().resolve(io.cwd, values.cache)
        : insideRoot(root, options.catalogueCache, 'catalogue-cache');
    const shown = (file) => external_node_path_default().relative(io.cwd, file).split((external_node_path_default()).sep).join('/') || '.';
    // A folder named by the configuration must not lead outside the repository through a link.
    if (!values.output && configured)
        await confine(root, target, 'catalogue');
    if (!values.cache)
        await confine(root, cacheDir, 'catalogue-cache');
    const existing = await readSnapshot(target, shown(target));
    const cache = new CatalogueCache(cacheDir);
    const clientRequestId = existing?.catalogue.clientRequestId ?? (await cache.clientRequestId());
    const now = io.now?.() ?? new Date();
    const service = new WebService({
        serviceUrl,
        clientRequestId,
        ...(io.fetch ? { fetch: io.fetch } : {}),
        ...(io.sleep ? { sleep: io.sleep } : {}),
    });
    const versions = new Map(await Promise.all(instances.map(async (i) => [i, await cache.version(i)])));
    const out = await updateCatalogue({
        baseline: existing?.catalogue ?? EMBEDDED_CATALOGUE,
        instances,
        service,
        serviceUrl,
        clientRequestId,
        now,
        cachedVersion: (i) => versions.get(i),
    });
    for (const o of out.outcomes) {
        const at = o.current ?? 'the data at hand';
        io.stdout(o.updated
            ? `${o.instance}: ${at} → ${o.latest}\n`
            : `${o.instance}: ${o.latest} is current${o.cached ? ' (version checked within the hour)' : ''}\n`);
    }
    for (const [i, v] of out.versionsFetched)
        await cache.saveVersion(i, v);
    if (!out.catalogue) {
        io.stdout(`nothing newer: ${shown(outputDir)} is unchanged\n`);
        return 0;
    }
    const section = renderChangelog(out.logs, { fetchedAt: now.toISOString(), serviceUrl });
    const changelogPath = external_node_path_default().join(outputDir, CHANGELOG_FILE);
    const files = [
        { path: target, text: serializeSnapshot(out.catalogue) },
        { path: changelogPath, text: prependChangelog(await readOptional(changelogPath), section) },
    ];
    if (values.changes)
        files.push({ path: external_node_path_default().resolve(io.cwd, values.changes), text: section });
    await writeFilesAtomically(files);
    const changed = out.logs.filter((l) => !isEmpty(l)).length;
    io.stdout(`wrote ${shown(target)} and ${shown(changelogPath)} (${changed} cloud${changed === 1 ? '' : 's'} with changes)\n`);
    return 0;
}

;// CONCATENATED MODULE: ./src/formats/syntax/dns-data.ts


const CTX_NONE = { origin: undefined, mode: 'absolute' };
// prettier-ignore
const TYPE_CODES = [
    ['A', 1], ['NS', 2], ['MD', 3], ['MF', 4], ['CNAME', 5], ['SOA', 6], ['MB', 7], ['MG', 8],
    ['MR', 9], ['NULL', 10], ['WKS', 11], ['PTR', 12], ['HINFO', 13], ['MINFO', 14], ['MX', 15],
    ['TXT', 16], ['RP', 17], ['AFSDB', 18], ['X25', 19], ['ISDN', 20], ['RT', 21], ['NSAP', 22],
    ['NSAP-PTR', 23], ['SIG', 24], ['KEY', 25], ['PX', 26], ['GPOS', 27], ['AAAA', 28], ['LOC', 29],
    ['NXT', 30], ['EID', 31], ['NIMLOC', 32], ['SRV', 33], ['ATMA', 34], ['NAPTR', 35], ['KX', 36],
    ['CERT', 37], ['A6', 38], ['DNAME', 39], ['SINK', 40], ['APL', 42], ['DS', 43], ['SSHFP', 44],
    ['IPSECKEY', 45], ['RRSIG', 46], ['NSEC', 47], ['DNSKEY', 48], ['DHCID', 49], ['NSEC3', 50],
    ['NSEC3PARAM', 51], ['TLSA', 52], ['SMIMEA', 53], ['HIP', 55], ['NINFO', 56], ['RKEY', 57],
    ['TALINK', 58], ['CDS', 59], ['CDNSKEY', 60], ['OPENPGPKEY', 61], ['CSYNC', 62], ['ZONEMD', 63],
    ['SVCB', 64], ['HTTPS', 65], ['SPF', 99], ['UINFO', 100], ['UID', 101], ['GID', 102],
    ['UNSPEC', 103], ['NID', 104], ['L32', 105], ['L64', 106], ['LP', 107], ['EUI48', 108],
    ['EUI64', 109], ['URI', 256], ['CAA', 257], ['AVC', 258], ['DOA', 259], ['AMTRELAY', 260],
    ['TA', 32768], ['DLV', 32769],
];
const BY_NAME = new Map(TYPE_CODES);
const BY_CODE = new Map(TYPE_CODES.map(([name, code]) => [code, name]));
/**
 * The canonical mnemonic of a record type (`mx` -> `MX`, `TYPE15` -> `MX`, `TYPE65534` kept), or
 * undefined when the text is not a type.
 */
function recordType(text) {
    if (BY_NAME.has(text))
        return text;
    const upper = text.toUpperCase();
    if (BY_NAME.has(upper))
        return upper;
    const m = /^TYPE(\d{1,5})$/.exec(upper);
    if (!m)
        return undefined;
    const code = Number(m[1]);
    if (code > 65535)
        return undefined;
    return BY_CODE.get(code) ?? `TYPE${code}`;
}
/** True when the name ends with a dot that is not escaped. */
function endsWithDot(name) {
    if (!name.endsWith('.'))
        return false;
    let slashes = 0;
    for (let i = name.length - 2; i >= 0 && name.charCodeAt(i) === 92; i--)
        slashes++;
    return slashes % 2 === 0;
}
/**
 * Why a name (escapes as in a zone file) is not a domain name: an empty label, a label over 63
 * octets, more than 255 octets in all. Undefined when it is one.
 */
function nameError(name) {
    if (name === '.')
        return undefined;
    if (name === '')
        return 'empty name';
    let labelLength = 0;
    let total = 1;
    const n = name.length;
    for (let i = 0; i < n; i++) {
        const c = name.charCodeAt(i);
        if (c === 46 /* . */) {
            if (labelLength === 0)
                return `empty label in "${name}"`;
            total += labelLength + 1;
            labelLength = 0;
            continue;
        }
        if (c === 92 /* \ */) {
            const d = name.charCodeAt(i + 1);
            if (d >= 48 && d <= 57) {
                const digits = name.slice(i + 1, i + 4);
                if (!/^\d{3}$/.test(digits) || Number(digits) > 255) {
                    return `invalid escape "\\${digits}" in "${name}"`;
                }
                i += 3;
            }
            else if (i + 1 < n) {
                i++;
            }
            else {
                return `"${name}" ends with a lone backslash`;
            }
        }
        labelLength++;
        if (labelLength > 63)
            return `a label of "${name}" is longer than 63 octets`;
    }
    total += labelLength > 0 ? labelLength + 1 : 0;
    if (total > 255)
        return `"${name}" is longer than 255 octets`;
    return undefined;
}
/** A character no name written in a structured format can hold (zone files escape them instead). */
function unwritable(name) {
    if (/\s/.test(name))
        return true;
    for (let i = 0; i < name.length; i++) {
        const c = name.charCodeAt(i);
        // Control characters, quotes, backslash, parentheses, `;`, `<`, `>`.
        if (c < 0x20 || c === 0x7f || c === 34 || c === 39 || c === 92)
            return true;
        if (c === 40 || c === 41 || c === 59 || c === 60 || c === 62)
            return true;
    }
    return false;
}
function isAscii(s) {
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) > 0x7f)
            return false;
    return true;
}
/**
 * A name from a structured format (YAML, JS, CSV) checked and made ASCII: Unicode labels become
 * punycode, spaces and quotes are refused.
 */
function plainName(name) {
    if (unwritable(name))
        return fail(`"${name}" is not a valid domain name`);
    let ascii = name;
    if (!isAscii(name)) {
        const dot = endsWithDot(name) && name !== '.';
        ascii = (0,external_node_url_.domainToASCII)(dot ? name.slice(0, -1) : name);
        if (ascii === '')
            return fail(`"${name}" is not a valid domain name`);
        if (dot)
            ascii += '.';
    }
    const error = nameError(ascii);
    return error ? fail(error) : ok(ascii);
}
/** `name` relative to `origin` (which ends with a dot); `@` is the origin; lower case. */
function qualify(name, origin) {
    if (name === '@')
        return origin.toLowerCase();
    if (endsWithDot(name))
        return name.toLowerCase();
    return (origin === '.' ? `${name}.` : `${name}.${origin}`).toLowerCase();
}
/** A target name made absolute as the format reads it. */
function targetName(text, ctx) {
    if (endsWithDot(text)) {
        const error = nameError(text);
        return error ? fail(error) : ok({ name: text.toLowerCase(), relative: false });
    }
    if (ctx.mode === 'absolute' || text === '@') {
        if (text === '@') {
            if (ctx.origin === undefined)
                return fail(`"@" needs the zone's origin`);
            return ok({ name: ctx.origin.toLowerCase(), relative: false });
        }
        const error = nameError(text);
        return error ? fail(error) : ok({ name: `${text}.`.toLowerCase(), relative: false });
    }
    if (ctx.mode === 'label' && text.includes('.')) {
        return fail(`"${text}" has dots but does not end with one; dnscontrol refuses it (write "${text}.")`);
    }
    if (ctx.origin === undefined) {
        return fail(`"${text}" is relative and the zone's origin is unknown`);
    }
    const name = qualify(text, ctx.origin);
    const error = nameError(name);
    return error ? fail(error) : ok({ name, relative: ctx.mode === 'origin' });
}
/**
 * A TTL in seconds: `3600`, or units as BIND reads them (`1h30m`, `2d`, `1W`). Undefined when
 * the text is not one.
 */
function parseTtl(text) {
    const plain = parseUint(text, 0xffffffff);
    if (plain !== undefined)
        return plain;
    if (!/^(?:\d+[wdhmsWDHMS])+\d*$/.test(text))
        return undefined;
    let total = 0;
    for (const m of text.matchAll(/(\d+)([wdhmsWDHMS]?)/g)) {
        const unit = m[2].toLowerCase();
        const factor = unit === 'w' ? 604800 : unit === 'd' ? 86400 : unit === 'h' ? 3600 : unit === 'm' ? 60 : 1;
        total += Number(m[1]) * factor;
    }
    return total <= 0xffffffff ? total : undefined;
}
/** Largest TTL a server keeps (RFC 2181 section 8). */
const MAX_TTL = 2147483647;
/** A number field (`0`-`max`), decimal digits only. */
function parseUint(text, max) {
    const n = text.length;
    if (n === 0 || n > 10)
        return undefined;
    let value = 0;
    for (let i = 0; i < n; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9)
            return undefined;
        value = value * 10 + d;
    }
    return value <= max ? value : undefined;
}
// ---------------------------------------------------------------------------------------------
// Addresses
/** Four decimal octets without leading zeros, as `named` reads an A record; -1 when not one. */
function ipv4Value(text, from, to) {
    let value = 0;
    let octet = 0;
    let digits = 0;
    let dots = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 46) {
            if (digits === 0 || dots === 3)
                return -1;
            value = value * 256 + octet;
            octet = 0;
            digits = 0;
            dots++;
            continue;
        }
        const d = c - 48;
        if (d < 0 || d > 9 || (digits === 1 && octet === 0))
            return -1;
        octet = octet * 10 + d;
        if (octet > 255)
            return -1;
        digits++;
    }
    if (digits === 0 || dots !== 3)
        return -1;
    return value * 256 + octet;
}
function ipv4(text) {
    return ipv4Value(text, 0, text.length) >= 0 ? ok(text) : fail(`"${text}" is not an IPv4 address`);
}
/** An IPv6 address in the form `named` prints (RFC 5952, with a dotted tail for mapped and compatible IPv4). */
function ipv6(text) {
    const words = ipv6Words(text);
    if (!words)
        return fail(`"${text}" is not an IPv6 address`);
    return ok(formatIpv6(words));
}
function dns_data_hexDigit(c) {
    if (c >= 48 && c <= 57)
        return c - 48;
    if (c >= 97 && c <= 102)
        return c - 87;
    if (c >= 65 && c <= 70)
        return c - 55;
    return -1;
}
/** The eight 16-bit words of an IPv6 address, or undefined. */
function ipv6Words(text) {
    const n = text.length;
    if (n < 2 || n > 45)
        return undefined;
    const words = [];
    let gap = -1;
    let i = 0;
    if (text.charCodeAt(0) === 58) {
        if (text.charCodeAt(1) !== 58)
            return undefined;
        gap = 0;
        i = 2;
    }
    while (i < n) {
        let value = 0;
        let j = i;
        for (; j < n && j - i < 5; j++) {
            const h = dns_data_hexDigit(text.charCodeAt(j));
            if (h < 0)
                break;
            value = value * 16 + h;
        }
        if (j < n && text.charCodeAt(j) === 46) {
            // A dotted IPv4 tail fills the last two words.
            const v4 = ipv4Value(text, i, n);
            if (v4 < 0 || words.length > 6)
                return undefined;
            words.push(Math.floor(v4 / 65536), v4 % 65536);
            i = n;
            break;
        }
        if (j === i || j - i > 4)
            return undefined;
        words.push(value);
        if (j === n) {
            i = n;
            break;
        }
        if (text.charCodeAt(j) !== 58)
            return undefined;
        if (text.charCodeAt(j + 1) === 58) {
            if (gap >= 0)
                return undefined;
            gap = words.length;
            i = j + 2;
        }
        else {
            i = j + 1;
            if (i === n)
                return undefined;
        }
    }
    if (gap < 0)
        return words.length === 8 ? words : undefined;
    if (words.length > 7)
        return undefined;
    const fill = new Array(8 - words.length).fill(0);
    words.splice(gap, 0, ...fill);
    return words;
}
/** The classic BSD `inet_ntop` rules, which BIND follows. */
function formatIpv6(w) {
    let bestStart = -1;
    let bestLen = 0;
    for (let i = 0; i < 8;) {
        if (w[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && w[j] === 0)
            j++;
        if (j - i > bestLen) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    if (bestLen < 2)
        bestStart = -1;
    const embedded = bestStart === 0 &&
        (bestLen === 6 || (bestLen === 7 && w[7] !== 1) || (bestLen === 5 && w[5] === 0xffff));
    let out = '';
    for (let i = 0; i < 8; i++) {
        if (i === bestStart) {
            out += ':';
            i += bestLen - 1;
            if (i === 7)
                out += ':';
            continue;
        }
        if (i > 0)
            out += ':';
        if (embedded && i === 6) {
            out += `${w[6] >> 8}.${w[6] & 255}.${w[7] >> 8}.${w[7] & 255}`;
            break;
        }
        out += w[i].toString(16);
    }
    return out;
}
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8');
function isPlainAscii(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c >= 0x7f || c === 34 || c === 92)
            return false;
    }
    return true;
}
/** BIND's quoting of string bytes: `"` and `\` escaped, bytes outside printable ASCII as `\DDD`. */
function quoteBytes(bytes) {
    let out = '"';
    for (const b of bytes) {
        if (b < 0x20 || b >= 0x7f)
            out += `\\${String(b).padStart(3, '0')}`;
        else if (b === 34 || b === 92)
            out += `\\${String.fromCharCode(b)}`;
        else
            out += String.fromCharCode(b);
    }
    return `${out}"`;
}
/** A string given as text (YAML, JS, CSV), quoted as `named` prints it. */
function quoteText(text) {
    return isPlainAscii(text) ? `"${text}"` : quoteBytes(utf8.encode(text));
}
/**
 * A string as written in a zone file (escapes `\X` and `\DDD` kept) decoded to its text and
 * quoted form; fails on a bad escape or more than 255 octets.
 */
function decodeCharString(raw) {
    if (!raw.includes('\\') && isPlainAscii(raw)) {
        if (raw.length > 255)
            return fail(`string longer than 255 octets: "${preview(raw)}"`);
        return ok({ text: raw, quoted: `"${raw}"` });
    }
    const bytes = [];
    for (let i = 0; i < raw.length; i++) {
        const c = raw.charCodeAt(i);
        if (c === 92) {
            const d = raw.charCodeAt(i + 1);
            if (d >= 48 && d <= 57) {
                const digits = raw.slice(i + 1, i + 4);
                if (!/^\d{3}$/.test(digits) || Number(digits) > 255) {
                    return fail(`invalid escape "\\${digits}" in "${preview(raw)}"`);
                }
                bytes.push(Number(digits));
                i += 3;
                continue;
            }
            if (i + 1 >= raw.length)
                return fail(`"${preview(raw)}" ends with a lone backslash`);
            i++;
        }
        const cp = raw.codePointAt(i);
        if (cp < 0x80)
            bytes.push(cp);
        else {
            const ch = String.fromCodePoint(cp);
            for (const b of utf8.encode(ch))
                bytes.push(b);
            i += ch.length - 1;
        }
    }
    if (bytes.length > 255)
        return fail(`string longer than 255 octets: "${preview(raw)}"`);
    return ok({ text: fromUtf8.decode(new Uint8Array(bytes)), quoted: quoteBytes(bytes) });
}
function preview(s) {
    return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}
/**
 * A long text split into strings of at most 255 octets, the way octoDNS and dnscontrol store a
 * value that does not fit in one (never inside a UTF-8 sequence).
 */
function chunkText(text) {
    if (text.length <= 255 && isPlainAscii(text))
        return [text];
    const bytes = utf8.encode(text);
    if (bytes.length <= 255)
        return [text];
    const out = [];
    let start = 0;
    while (start < bytes.length) {
        let end = Math.min(start + 255, bytes.length);
        while (end < bytes.length && (bytes[end] & 0xc0) === 0x80)
            end--;
        out.push(fromUtf8.decode(bytes.subarray(start, end)));
        start = end;
    }
    return out;
}
// ---------------------------------------------------------------------------------------------
// Record data
const rdataOk = (data, parsed, relativeTarget = false) => ({
    ok: true,
    value: { data, parsed, relativeTarget },
});
const rdataFail = (error, field) => ({ ok: false, error, field });
function addressRdata(type, text) {
    const address = type === 'A' ? ipv4(text) : ipv6(text);
    if (!address.ok)
        return address;
    return ok({
        data: address.value,
        parsed: { type, address: address.value },
        relativeTarget: false,
    });
}
function targetRdata(type, target, ctx) {
    const name = targetName(target, ctx);
    if (!name.ok)
        return name;
    return ok({
        data: name.value.name,
        parsed: { type, target: name.value.name },
        relativeTarget: name.value.relative,
    });
}
function mxRdata(preference, exchange, ctx) {
    const name = targetName(exchange, ctx);
    if (!name.ok)
        return name;
    return ok({
        data: `${preference} ${name.value.name}`,
        parsed: { type: 'MX', preference, exchange: name.value.name },
        relativeTarget: name.value.relative,
    });
}
function srvRdata(priority, weight, port, target, ctx) {
    const name = targetName(target, ctx);
    if (!name.ok)
        return name;
    return ok({
        data: `${priority} ${weight} ${port} ${name.value.name}`,
        parsed: { type: 'SRV', priority, weight, port, target: name.value.name },
        relativeTarget: name.value.relative,
    });
}
/** TXT (and SPF, which has the same data) from strings given as text. */
function txtRdata(strings) {
    return {
        data: strings.map(quoteText).join(' '),
        parsed: { type: 'TXT', strings },
        relativeTarget: false,
    };
}
function otherRdata(text) {
    return { data: text, parsed: { type: 'OTHER', text }, relativeTarget: false };
}
/** Types whose data is one domain name. */
const NAME_TYPES = new Set(['CNAME', 'NS', 'PTR', 'DNAME', 'MB', 'MD', 'MF', 'MG', 'MR']);
/** Types whose data is character strings only. */
const STRING_TYPES = new Set(['TXT', 'SPF', 'HINFO', 'AVC']);
function numberField(fields, i, what, max) {
    if (i >= fields.length)
        return rdataFail(`missing ${what}`, -1);
    const text = fields.text(i);
    const n = parseUint(text, max);
    if (n === undefined)
        return rdataFail(`${what} "${text}" is not a number from 0 to ${max}`, i);
    return n;
}
function ttlField(fields, i, what) {
    if (i >= fields.length)
        return rdataFail(`missing ${what}`, -1);
    const text = fields.text(i);
    const n = parseTtl(text);
    if (n === undefined)
        return rdataFail(`${what} "${text}" is not a number of seconds`, i);
    return n;
}
function nameField(fields, i, what, ctx) {
    if (i >= fields.length)
        return rdataFail(`missing ${what}`, -1);
    const name = targetName(fields.text(i), ctx);
    if (!name.ok)
        return rdataFail(name.error, i);
    return name.value;
}
function extra(fields, count, type) {
    if (fields.length <= count)
        return undefined;
    return rdataFail(`unexpected "${fields.text(count)}" after the ${type} data`, count);
}
/** Fields held in an array. */
function fieldsOf(list) {
    return {
        length: list.length,
        text: (i) => list[i].text,
        quoted: (i) => list[i].quoted,
    };
}
/**
 * Record data from its presentation-form fields (a zone file's tokens, or a value written the
 * same way in YAML). Types the DNS rules look into are parsed; others keep their fields, names
 * made absolute where the type is known to hold one.
 */
function rdataFromFields(type, fields, ctx) {
    const count = fields.length;
    if (count === 0)
        return rdataFail(`missing ${type} data`, -1);
    if (!fields.quoted(0) && fields.text(0) === '\\#')
        return genericRdata(type, fields);
    switch (type) {
        case 'A':
        case 'AAAA': {
            const r = addressRdata(type, fields.text(0));
            if (!r.ok)
                return rdataFail(r.error, 0);
            return extra(fields, 1, type) ?? { ok: true, value: r.value };
        }
        case 'MX': {
            const pref = numberField(fields, 0, 'MX preference', 65535);
            if (typeof pref !== 'number')
                return pref;
            const name = nameField(fields, 1, 'MX exchange', ctx);
            if ('ok' in name)
                return name;
            const parsed = { type: 'MX', preference: pref, exchange: name.name };
            return extra(fields, 2, type) ?? rdataOk(`${pref} ${name.name}`, parsed, name.relative);
        }
        case 'SRV': {
            const priority = numberField(fields, 0, 'SRV priority', 65535);
            if (typeof priority !== 'number')
                return priority;
            const weight = numberField(fields, 1, 'SRV weight', 65535);
            if (typeof weight !== 'number')
                return weight;
            const port = numberField(fields, 2, 'SRV port', 65535);
            if (typeof port !== 'number')
                return port;
            const name = nameField(fields, 3, 'SRV target', ctx);
            if ('ok' in name)
                return name;
            const data = `${priority} ${weight} ${port} ${name.name}`;
            const parsed = { type: 'SRV', priority, weight, port, target: name.name };
            return extra(fields, 4, type) ?? rdataOk(data, parsed, name.relative);
        }
        case 'SOA': {
            const mname = nameField(fields, 0, 'SOA primary server', ctx);
            if ('ok' in mname)
                return mname;
            const rname = nameField(fields, 1, 'SOA mailbox', ctx);
            if ('ok' in rname)
                return rname;
            const serial = numberField(fields, 2, 'SOA serial', 0xffffffff);
            if (typeof serial !== 'number')
                return serial;
            const timers = [];
            for (const [k, what] of ['SOA refresh', 'SOA retry', 'SOA expire', 'SOA minimum'].entries()) {
                const t = ttlField(fields, 3 + k, what);
                if (typeof t !== 'number')
                    return t;
                timers.push(t);
            }
            const text = `${mname.name} ${rname.name} ${serial} ${timers.join(' ')}`;
            return extra(fields, 7, type) ?? rdataOk(text, { type: 'OTHER', text });
        }
        case 'CAA': {
            const flags = numberField(fields, 0, 'CAA flags', 255);
            if (typeof flags !== 'number')
                return flags;
            if (count < 2)
                return rdataFail('missing CAA tag', -1);
            const tag = fields.text(1);
            if (!/^[A-Za-z0-9]+$/.test(tag)) {
                return rdataFail(`CAA tag "${tag}" is not letters and digits`, 1);
            }
            if (count < 3)
                return rdataFail('missing CAA value', -1);
            const value = decodeCharString(fields.text(2));
            if (!value.ok)
                return rdataFail(value.error, 2);
            const text = `${flags} ${tag} ${value.value.quoted}`;
            return extra(fields, 3, type) ?? rdataOk(text, { type: 'OTHER', text });
        }
    }
    if (NAME_TYPES.has(type)) {
        const name = nameField(fields, 0, `${type} target`, ctx);
        if ('ok' in name)
            return name;
        const parsed = type === 'CNAME' || type === 'NS' || type === 'PTR'
            ? { type, target: name.name }
            : { type: 'OTHER', text: name.name };
        return extra(fields, 1, type) ?? rdataOk(name.name, parsed, name.relative);
    }
    if (STRING_TYPES.has(type)) {
        if (type === 'HINFO' && count !== 2) {
            return rdataFail('HINFO needs two strings (CPU and OS)', count < 2 ? -1 : 2);
        }
        const texts = [];
        let data = '';
        for (let i = 0; i < count; i++) {
            const s = decodeCharString(fields.text(i));
            if (!s.ok)
                return rdataFail(s.error, i);
            texts.push(s.value.text);
            data = i === 0 ? s.value.quoted : `${data} ${s.value.quoted}`;
        }
        const parsed = type === 'TXT' || type === 'SPF'
            ? { type: 'TXT', strings: texts }
            : { type: 'OTHER', text: data };
        return rdataOk(data, parsed);
    }
    let text = '';
    for (let i = 0; i < count; i++) {
        const f = fields.quoted(i) ? `"${fields.text(i)}"` : fields.text(i);
        text = i === 0 ? f : `${text} ${f}`;
    }
    return rdataOk(text, { type: 'OTHER', text });
}
/** RFC 3597 `\# length hex`, kept as written with the hex in upper case. */
function genericRdata(type, fields) {
    const length = numberField(fields, 1, 'generic data length', 65535);
    if (typeof length !== 'number')
        return length;
    let hex = '';
    for (let i = 2; i < fields.length; i++)
        hex += fields.text(i);
    if (!/^[0-9A-Fa-f]*$/.test(hex))
        return rdataFail(`"${hex}" is not hexadecimal`, 2);
    if (hex.length !== length * 2) {
        const at = fields.length > 2 ? 2 : -1;
        return rdataFail(`generic data has ${hex.length / 2} octets, not ${length}`, at);
    }
    const text = length === 0 ? '\\# 0' : `\\# ${length} ${hex.toUpperCase()}`;
    if (!BY_NAME.has(type))
        return rdataOk(text, { type: 'OTHER', text });
    const bytes = hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
    if (type === 'A' && length === 4) {
        return rdataFromFields(type, fieldsOf([{ text: bytes.join('.'), quoted: false }]), CTX_NONE);
    }
    if (type === 'AAAA' && length === 16) {
        const groups = hex.match(/.{4}/g).join(':');
        return rdataFromFields(type, fieldsOf([{ text: groups, quoted: false }]), CTX_NONE);
    }
    return {
        ok: false,
        error: `generic data for ${type} is not read; write it in ${type}'s own form`,
        field: 0,
        notice: true,
    };
}
/**
 * Splits presentation-form text (`10 mail.example.com.`, `"v=spf1" "-all"`) into fields: blanks
 * separate them, double quotes group, backslash escapes are kept for the field reader.
 */
function splitFields(text) {
    const fields = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13) {
            i++;
            continue;
        }
        const quoted = c === 34;
        let j = quoted ? i + 1 : i;
        const start = j;
        for (; j < n; j++) {
            const d = text.charCodeAt(j);
            if (d === 92) {
                j++;
                continue;
            }
            if (quoted ? d === 34 : d === 32 || d === 9 || d === 10 || d === 13 || d === 34)
                break;
        }
        if (quoted && j >= n)
            return fail(`unterminated quoted string in "${text}"`);
        fields.push({ text: text.slice(start, Math.min(j, n)), quoted });
        i = quoted ? j + 1 : j;
    }
    return ok(fields);
}
/** The strings of TXT data in presentation form, decoded; undefined when the data is not that. */
function txtStrings(data) {
    const fields = splitFields(data);
    if (!fields.ok)
        return undefined;
    const out = [];
    for (const f of fields.value) {
        const s = decodeCharString(f.text);
        if (!s.ok)
            return undefined;
        out.push(s.value.text);
    }
    return out;
}
/** The owner written relative to the zone: `@` for the apex, the labels above it, or the absolute name. */
function relativeOwner(name, zone) {
    const n = name.toLowerCase();
    const z = zone.toLowerCase();
    if (n === z)
        return '@';
    if (z !== '.' && n.endsWith(`.${z}`))
        return name.slice(0, name.length - z.length - 1);
    return name;
}
/** Absolute with trailing dot, lower case. */
function absoluteZone(zone) {
    return (zone.endsWith('.') ? zone : `${zone}.`).toLowerCase();
}

;// CONCATENATED MODULE: ./src/formats/syntax/source.ts

/**
 * Helpers shared by the parsers: reading a file line by line with each entry separated from
 * its comment (columns kept), telling what a written value is meant to be, and locating JSON
 * syntax errors.
 */
const BOM = 0xfeff;
/** The text without a leading UTF-8 byte order mark, so columns count from the first visible character. */
function withoutBom(text) {
    return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}
/**
 * One problem at line 0 when the text cannot be a text file: NUL bytes (binary) or U+FFFD,
 * which is what invalid UTF-8 becomes once decoded.
 */
function notTextProblem(file) {
    const reason = file.text.includes('\0')
        ? 'it contains NUL bytes'
        : file.text.includes('\uFFFD')
            ? 'it is not valid UTF-8'
            : undefined;
    if (!reason)
        return undefined;
    return {
        location: { file: file.path, line: 0, column: 1 },
        message: `"${file.path}" is not a text file (${reason})`,
    };
}
const SPACE = 32;
const TAB = 9;
const VT = 11;
const FF = 12;
const CR = 13;
const NBSP = 0xa0;
/** Also the no-break space and a stray byte order mark, which pasted or concatenated lists carry. */
function source_isSpace(c) {
    return c === SPACE || c === TAB || c === VT || c === FF || c === CR || c === NBSP || c === BOM;
}
/** Length of the comment marker at `i`, or 0. */
function markerAt(text, i) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ || c === 59 /* ; */)
        return 1;
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)
        return 2;
    return 0;
}
/**
 * Walks a text line by line (after a byte order mark; lines end at `\n`, and a `\r` before it
 * counts as whitespace) and takes each line apart in place. A cursor with mutable fields rather
 * than a value per line: a million-line file is read without a million throwaway objects.
 */
class LineScanner {
    /** 1-based number of the current line. */
    line = 0;
    kind = 'blank';
    /** The entry as written (kind `value`). */
    value = '';
    /** 1-based column of the value. */
    column = 0;
    /** The comment, without its marker: the whole line (kind `comment`) or after the value. */
    comment = undefined;
    /** Text after the value that is neither whitespace nor a comment, and its column. */
    extra = undefined;
    extraColumn = 0;
    #text;
    #trailing;
    #next;
    constructor(text, trailing) {
        this.#text = text;
        this.#trailing = trailing;
        this.#next = text.charCodeAt(0) === BOM ? 1 : 0;
    }
    /** Moves to the next line; false after the last one. An empty text has one blank line. */
    next() {
        const text = this.#text;
        const n = text.length;
        const start = this.#next;
        if (start >= n && this.line > 0)
            return false;
        const newline = text.indexOf('\n', start);
        const end = newline < 0 ? n : newline;
        this.#next = end + 1;
        this.line++;
        this.comment = undefined;
        this.extra = undefined;
        let i = start;
        while (i < end && source_isSpace(text.charCodeAt(i)))
            i++;
        if (i === end) {
            this.kind = 'blank';
            return true;
        }
        const marker = markerAt(text, i);
        if (marker > 0) {
            this.kind = 'comment';
            this.comment = text.slice(i + marker, end).trim();
            return true;
        }
        const valueStart = i;
        while (i < end && !source_isSpace(text.charCodeAt(i)))
            i++;
        this.kind = 'value';
        this.value = text.slice(valueStart, i);
        this.column = valueStart - start + 1;
        while (i < end && source_isSpace(text.charCodeAt(i)))
            i++;
        if (i === end)
            return true;
        const after = markerAt(text, i);
        if (after > 0)
            this.comment = text.slice(i + after, end).trim();
        else if (this.#trailing === 'any')
            this.comment = text.slice(i, end).trimEnd();
        else {
            this.extra = text.slice(i, end).trimEnd();
            this.extraColumn = i - start + 1;
        }
        return true;
    }
}
/** True when a comment line carries words, not just a rule of `=` or `-`. */
function isMeaningfulComment(comment) {
    for (let i = 0; i < comment.length; i++) {
        const c = comment.charCodeAt(i);
        if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) {
            return true;
        }
    }
    return false;
}
function classifyValue(text) {
    return looksLikeIp(text) ? 'ip' : 'host';
}
/**
 * A URL-list value (`example.com/path`) split into host and path. Values with a scheme or that
 * look like IP addresses are left whole: the model explains what is wrong with a scheme, and
 * prefixes contain a slash.
 */
function splitPath(text) {
    if (text.includes('://') || looksLikeIp(text))
        return { host: text };
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 47 /* / */ || c === 63 /* ? */)
            return { host: text.slice(0, i), path: text.slice(i) };
    }
    return { host: text };
}
class JsonSyntaxError {
    offset;
    message;
    constructor(offset, message) {
        this.offset = offset;
        this.message = message;
    }
}
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/**
 * The first place where `text` breaks the JSON grammar (RFC 8259), or undefined. `JSON.parse`
 * says the same, but its wording changes between Node versions and often omits the position.
 */
function jsonSyntaxError(text) {
    let i = 0;
    const found = () => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
    const fail = (message) => {
        throw new JsonSyntaxError(i, message);
    };
    const space = () => {
        for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;) {
            c = text.charCodeAt(++i);
        }
    };
    const string = () => {
        const start = i++;
        for (;;) {
            const c = text.charCodeAt(i);
            if (Number.isNaN(c))
                throw new JsonSyntaxError(start, 'unterminated string');
            if (c === 34)
                break;
            if (c < 32)
                fail('control character in a string (write it as an escape)');
            if (c === 92) {
                const e = text[i + 1];
                if (e === 'u'
                    ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))
                    : !'"\\/bfnrt'.includes(e ?? '~')) {
                    fail(`invalid escape "${text.slice(i, i + 2)}" in a string`);
                }
                i += e === 'u' ? 6 : 2;
            }
            else
                i++;
        }
        i++;
    };
    const value = () => {
        space();
        const c = text[i];
        if (c === '{')
            return container('}', true);
        if (c === '[')
            return container(']', false);
        if (c === '"')
            return string();
        for (const word of ['true', 'false', 'null']) {
            if (text.startsWith(word, i)) {
                i += word.length;
                return;
            }
        }
        JSON_NUMBER.lastIndex = i;
        if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && JSON_NUMBER.test(text)) {
            i = JSON_NUMBER.lastIndex;
            return;
        }
        fail(`expected a value, found ${found()}`);
    };
    const container = (close, object) => {
        i++;
        space();
        if (text[i] === close) {
            i++;
            return;
        }
        for (;;) {
            if (object) {
                space();
                if (text[i] !== '"')
                    fail(`expected a quoted property name, found ${found()}`);
                string();
                space();
                if (text[i] !== ':')
                    fail(`expected ":" after a property name, found ${found()}`);
                i++;
            }
            value();
            space();
            if (text[i] === ',') {
                const comma = i++;
                space();
                if (text[i] === close)
                    throw new JsonSyntaxError(comma, `trailing comma before "${close}"`);
                continue;
            }
            if (text[i] === close) {
                i++;
                return;
            }
            fail(`expected "," or "${close}", found ${found()}`);
        }
    };
    try {
        value();
        space();
        if (i < text.length)
            fail(`unexpected ${found()} after the end of the JSON value`);
        return undefined;
    }
    catch (e) {
        if (e instanceof JsonSyntaxError)
            return { offset: e.offset, message: e.message };
        // Thousands of nested brackets exhaust the stack before the grammar fails.
        if (e instanceof RangeError)
            return { offset: i, message: 'nested too deeply' };
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/formats/dns/bind.ts



/**
 * RFC 1035 master files as BIND reads them: `$ORIGIN`, `$TTL`, `$INCLUDE`, `@`, relative and
 * absolute names, a blank owner meaning the previous one, parentheses across lines, `;`
 * comments, quoted strings with escapes, class and TTL in either order, TTL units.
 *
 * A record's location is the first character of its data (`10 mx.example.com.` in an MX line).
 */
const bind_BOM = 0xfeff;
/** Ends an unquoted token: blanks, newline, `;`, parentheses and a quote. */
function isDelimiter(c) {
    return (c === 32 ||
        c === 9 ||
        c === 10 ||
        c === 13 ||
        c === 11 ||
        c === 12 ||
        c === 59 ||
        c === 40 ||
        c === 41 ||
        c === 34);
}
/**
 * Reads a zone file one entry at a time: an entry is one line, or several while parentheses are
 * open. The tokens of the current entry live in arrays the lexer reuses, so that a
 * 200,000-record zone does not cost an object per token.
 */
class ZoneLexer {
    kind = 'blank';
    /** Tokens of the current entry: text as written (escapes kept, quotes removed), where it starts. */
    texts = [];
    quoted = [];
    lines = [];
    columns = [];
    count = 0;
    /** The entry's line starts with a blank: its owner is the previous one. */
    blankOwner = false;
    /** The comment on the entry's first line (or the whole comment line). */
    comment;
    problems = [];
    #text;
    #pos;
    #line = 1;
    #lineStart;
    constructor(text) {
        this.#text = text;
        this.#pos = text.charCodeAt(0) === bind_BOM ? 1 : 0;
        this.#lineStart = this.#pos;
    }
    next() {
        const text = this.#text;
        const n = text.length;
        if (this.#pos > n || (this.#pos === n && this.#line > 1 && text.charCodeAt(n - 1) === 10)) {
            return false;
        }
        this.count = 0;
        this.comment = undefined;
        this.problems.length = 0;
        const firstLine = this.#line;
        const first = text.charCodeAt(this.#pos);
        this.blankOwner = first === 32 || first === 9;
        let parens = 0;
        let parenLine = 0;
        let parenColumn = 0;
        let pos = this.#pos;
        for (;;) {
            if (pos >= n) {
                if (parens > 0)
                    this.#problem(parenLine, parenColumn, 'missing ")" for this "("');
                pos = n + 1;
                break;
            }
            const c = text.charCodeAt(pos);
            if (c === 10) {
                pos++;
                this.#line++;
                this.#lineStart = pos;
                if (parens === 0)
                    break;
                continue;
            }
            if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
                pos++;
                continue;
            }
            if (c === 59 /* ; */) {
                let end = text.indexOf('\n', pos);
                if (end < 0)
                    end = n;
                if (this.#line === firstLine && this.comment === undefined) {
                    this.comment = text.slice(pos + 1, end).trim();
                }
                pos = end;
                continue;
            }
            if (c === 40 /* ( */) {
                if (parens === 0) {
                    parenLine = this.#line;
                    parenColumn = pos - this.#lineStart + 1;
                }
                parens++;
                pos++;
                continue;
            }
            if (c === 41 /* ) */) {
                if (parens === 0)
                    this.#problem(this.#line, pos - this.#lineStart + 1, 'unexpected ")"');
                else
                    parens--;
                pos++;
                continue;
            }
            const column = pos - this.#lineStart + 1;
            if (c === 34 /* " */) {
                let j = pos + 1;
                for (; j < n; j++) {
                    const d = text.charCodeAt(j);
                    if (d === 92 && text.charCodeAt(j + 1) !== 10)
                        j++;
                    else if (d === 34 || d === 10)
                        break;
                }
                const closed = j < n && text.charCodeAt(j) === 34;
                if (!closed)
                    this.#problem(this.#line, column, 'unterminated quoted string');
                this.#push(text.slice(pos + 1, Math.min(j, n)), true, column);
                pos = closed ? j + 1 : j;
                continue;
            }
            let j = pos;
            for (; j < n; j++) {
                const d = text.charCodeAt(j);
                if (d === 92 /* \ */) {
                    if (j + 1 < n && text.charCodeAt(j + 1) !== 10)
                        j++;
                    continue;
                }
                if (isDelimiter(d))
                    break;
            }
            this.#push(text.slice(pos, j), false, column);
            pos = j;
        }
        this.#pos = pos;
        this.kind = this.count > 0 ? 'entry' : this.comment !== undefined ? 'comment' : 'blank';
        return true;
    }
    #push(text, quoted, column) {
        const k = this.count++;
        this.texts[k] = text;
        this.quoted[k] = quoted;
        this.lines[k] = this.#line;
        this.columns[k] = column;
    }
    #problem(line, column, message) {
        this.problems.push({ line, column, message });
    }
}
/** The tokens of an entry from one index on, as record data fields. */
class TokenFields {
    lexer;
    length = 0;
    #from = 0;
    constructor(lexer) {
        this.lexer = lexer;
    }
    from(index) {
        this.#from = index;
        this.length = this.lexer.count - index;
        return this;
    }
    text(i) {
        return this.lexer.texts[this.#from + i];
    }
    quoted(i) {
        return this.lexer.quoted[this.#from + i];
    }
}
const CLASSES = new Set(['IN', 'CH', 'CS', 'HS', 'NONE', 'ANY']);
/** The class a token names (`IN`, `CLASS1`), or undefined. */
function recordClass(text) {
    if (text === 'IN' || text === 'in')
        return 'IN';
    const c = text.charCodeAt(0) | 0x20;
    // Only words that start like a class name are looked at further: most tokens here are types.
    if (c !== 105 && c !== 99 && c !== 104 && c !== 110 && c !== 97)
        return undefined;
    const upper = text.toUpperCase();
    if (CLASSES.has(upper))
        return upper;
    const m = /^CLASS(\d{1,5})$/.exec(upper);
    if (!m)
        return undefined;
    const code = Number(m[1]);
    return code === 1 ? 'IN' : code === 3 ? 'CH' : code === 4 ? 'HS' : `CLASS${code}`;
}
/**
 * The zone a file name suggests: `contoso.com.zone`, `contoso.com.db`, `db.contoso.com` and
 * `contoso.com` all give `contoso.com.`.
 */
function originFromFileName(file) {
    let name = external_node_path_default().posix.basename(file.replace(/\\/g, '/')).toLowerCase();
    name = name.replace(/\.(?:zone|db|hosts|bind|txt|fwd)$/, '').replace(/^(?:db|zone)\./, '');
    if (!/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/.test(name)) {
        return undefined;
    }
    return `${name}.`;
}
const MAX_INCLUDE_DEPTH = 16;
/** A record line that has been commented out: not a remark about the record that follows. */
const COMMENTED_OUT = /^\S+[ \t]+(?:\d\w*[ \t]+)?(?:IN[ \t]+)?(?:\d\w*[ \t]+)?(?:A|AAAA|CNAME|MX|NS|TXT|SRV|SOA|PTR|CAA)[ \t]+\S/i;
/** Reads a zone file and the files it includes into one list of records. */
class ZoneReader {
    records = [];
    problems = [];
    #state;
    #readFile;
    /** Kept between records: most records of a file share the origin and the zone. */
    #ctx = { origin: undefined, mode: 'origin' };
    #suffixOf = '';
    #suffix = '';
    // The file and lexer being read (an include swaps them and puts them back).
    #file = '';
    #lexer = new ZoneLexer('');
    #fields = new TokenFields(this.#lexer);
    constructor(settingsOrigin, fileOrigin, options) {
        this.#readFile = options?.readFile;
        this.#state = {
            origin: settingsOrigin ?? fileOrigin,
            owner: undefined,
            defaultTtl: undefined,
            lastTtl: undefined,
            zone: settingsOrigin,
            originReported: false,
        };
    }
    /** The zone the file defines, once known. */
    get zone() {
        const zone = this.#state.zone ?? this.#state.origin;
        return zone === '.' ? undefined : zone;
    }
    read(file, text, includedBy) {
        const outer = { file: this.#file, lexer: this.#lexer, fields: this.#fields };
        const lexer = new ZoneLexer(text);
        this.#file = file;
        this.#lexer = lexer;
        this.#fields = new TokenFields(lexer);
        let above = [];
        while (lexer.next()) {
            if (lexer.problems.length > 0) {
                // An entry the lexer could not take apart is not guessed at.
                for (const p of lexer.problems)
                    this.#report(this.#at(p.line, p.column), p.message);
                above = [];
                continue;
            }
            if (lexer.kind === 'blank') {
                if (above.length > 0)
                    above = [];
                continue;
            }
            if (lexer.kind === 'comment') {
                const comment = lexer.comment;
                if (isMeaningfulComment(comment) && !COMMENTED_OUT.test(comment))
                    above.push(comment);
                continue;
            }
            const comment = lexer.comment || (above.length > 0 ? above.join('\n') : undefined);
            if (above.length > 0)
                above = [];
            if (!lexer.blankOwner && !lexer.quoted[0] && lexer.texts[0].charCodeAt(0) === 36 /* $ */) {
                this.#directive(includedBy);
                continue;
            }
            this.#record(comment);
        }
        this.#file = outer.file;
        this.#lexer = outer.lexer;
        this.#fields = outer.fields;
    }
    #at(line, column) {
        return { file: this.#file, line, column };
    }
    /** Where token `k` of the current entry starts. */
    #token(k) {
        return { file: this.#file, line: this.#lexer.lines[k], column: this.#lexer.columns[k] };
    }
    #report(location, message, text, severity) {
        const problem = { location, message };
        this.problems.push(severity
            ? { ...problem, text, severity }
            : text === undefined
                ? problem
                : { ...problem, text });
    }
    /** A problem about token `k`, quoting it. */
    #problem(k, message, severity) {
        this.#report(this.#token(k), message, this.#lexer.texts[k], severity);
    }
    #unknownOrigin(k) {
        if (this.#state.originReported)
            return;
        this.#state.originReported = true;
        const text = this.#lexer.texts[k];
        this.#problem(k, `"${text}" is relative and the zone's origin is unknown; add $ORIGIN or set the "origin" option`);
    }
    /** The absolute name token `k` writes, or undefined after reporting why there is none. */
    #name(k, origin) {
        const text = this.#lexer.texts[k];
        if (this.#lexer.quoted[k]) {
            this.#problem(k, `a name cannot be a quoted string: "${text}"`);
            return undefined;
        }
        if (origin === undefined && !endsWithDot(text)) {
            this.#unknownOrigin(k);
            return undefined;
        }
        const name = qualify(text, origin ?? '.');
        const error = nameError(name);
        if (error) {
            this.#problem(k, error);
            return undefined;
        }
        return name;
    }
    /** A TTL token in seconds; one above 2^31-1 is read as 0, as RFC 2181 asks and BIND does. */
    #ttl(k) {
        const text = this.#lexer.texts[k];
        const ttl = parseTtl(text);
        if (ttl === undefined) {
            this.#problem(k, `invalid TTL "${text}"`);
            return undefined;
        }
        if (ttl <= MAX_TTL)
            return ttl;
        this.#problem(k, `TTL "${text}" is larger than ${MAX_TTL}; servers read it as 0`, 'warning');
        return 0;
    }
    #directive(includedBy) {
        const lexer = this.#lexer;
        const state = this.#state;
        const head = lexer.texts[0];
        const directive = head.toUpperCase();
        if (directive === '$GENERATE') {
            this.#problem(0, '$GENERATE is not expanded; the records it makes are not read', 'notice');
            return;
        }
        if (directive !== '$TTL' && directive !== '$ORIGIN' && directive !== '$INCLUDE') {
            this.#problem(0, `unknown directive "${head}"`);
            return;
        }
        if (lexer.count < 2) {
            this.#problem(0, `${directive} needs a value`);
            return;
        }
        const limit = directive === '$INCLUDE' ? 3 : 2;
        if (lexer.count > limit) {
            this.#problem(limit, `unexpected "${lexer.texts[limit]}" after ${directive}`);
        }
        if (directive === '$TTL') {
            const ttl = this.#ttl(1);
            if (ttl !== undefined)
                state.defaultTtl = ttl;
        }
        else if (directive === '$ORIGIN') {
            const origin = this.#name(1, state.origin);
            if (origin !== undefined)
                state.origin = origin;
        }
        else {
            this.#include(includedBy);
        }
    }
    #include(includedBy) {
        const state = this.#state;
        const file = this.#file;
        const written = this.#lexer.texts[1];
        const resolved = written.startsWith('/')
            ? external_node_path_default().posix.normalize(written)
            : external_node_path_default().posix.join(external_node_path_default().posix.dirname(file.replace(/\\/g, '/')), written);
        if (resolved === file || includedBy.includes(resolved)) {
            this.#problem(1, `"${written}" includes itself`);
            return;
        }
        if (includedBy.length >= MAX_INCLUDE_DEPTH) {
            this.#problem(1, `"${written}" is nested more than ${MAX_INCLUDE_DEPTH} includes deep`);
            return;
        }
        const text = this.#readFile?.(resolved);
        if (text === undefined) {
            this.#problem(1, `cannot read the included file "${written}"`);
            return;
        }
        if (notTextProblem({ path: resolved, text })) {
            this.#problem(1, `the included file "${written}" is not a text file`);
            return;
        }
        const saved = { origin: state.origin, owner: state.owner };
        if (this.#lexer.count > 2) {
            const origin = this.#name(2, state.origin);
            if (origin === undefined)
                return;
            state.origin = origin;
        }
        this.read(resolved, text, [...includedBy, file]);
        // BIND puts back the origin and the current owner after an include, not the TTLs.
        state.origin = saved.origin;
        state.owner = saved.owner;
    }
    #record(comment) {
        const state = this.#state;
        const lexer = this.#lexer;
        const count = lexer.count;
        let i = 0;
        let owner;
        if (lexer.blankOwner) {
            owner = state.owner;
            if (owner === undefined) {
                this.#report(this.#token(0), 'this record has no owner: its line starts with a blank and no record comes before it');
                return;
            }
        }
        else {
            owner = this.#name(0, state.origin);
            i = 1;
            if (owner === undefined)
                return;
            state.owner = owner;
        }
        // The zone is the origin in effect at the first record: the settings', a leading $ORIGIN's or
        // the file name's; a file of absolute names without any of them lies under the root.
        state.zone ??= state.origin ?? '.';
        let ttl;
        let klass;
        let type;
        for (; i < count && type === undefined; i++) {
            const text = lexer.texts[i];
            const quoted = lexer.quoted[i];
            const c = text.charCodeAt(0);
            if (!quoted && c >= 48 && c <= 57 && ttl === undefined) {
                ttl = this.#ttl(i);
                if (ttl === undefined)
                    return;
                continue;
            }
            const cls = quoted || klass !== undefined ? undefined : recordClass(text);
            if (cls !== undefined) {
                klass = cls;
                if (cls !== 'IN') {
                    this.#problem(i, `class "${text}" is not IN; only Internet records are read`);
                    return;
                }
                continue;
            }
            type = quoted ? undefined : recordType(text);
            if (type === undefined) {
                this.#problem(i, `unknown record type "${text}"`);
                return;
            }
        }
        if (type === undefined) {
            this.#problem(count - 1, `missing record type after "${lexer.texts[count - 1]}"`);
            return;
        }
        const first = i;
        const origin = state.origin;
        if (this.#ctx.origin !== origin)
            this.#ctx = { origin, mode: 'origin' };
        const rdata = rdataFromFields(type, this.#fields.from(first), this.#ctx);
        if (!rdata.ok) {
            const bad = rdata.field >= 0 ? first + rdata.field : count - 1;
            if (origin === undefined && rdata.error.endsWith('origin is unknown'))
                this.#unknownOrigin(bad);
            else
                this.#problem(bad, rdata.error, rdata.notice ? 'notice' : undefined);
            return;
        }
        if (ttl !== undefined)
            state.lastTtl = ttl;
        else if (state.defaultTtl !== undefined)
            ttl = state.defaultTtl;
        else if (state.lastTtl !== undefined)
            ttl = state.lastTtl;
        else if (type === 'SOA') {
            ttl = parseTtl(lexer.texts[first + 6]);
            state.defaultTtl = ttl;
        }
        else {
            this.#report(this.#token(0), 'this record has no TTL and nothing before it sets one; add $TTL');
        }
        const zone = state.zone;
        const location = this.#token(first);
        if (this.#suffixOf !== zone) {
            this.#suffixOf = zone;
            this.#suffix = zone === '.' ? '.' : `.${zone}`;
        }
        if (owner !== zone && !owner.endsWith(this.#suffix)) {
            this.#report(location, `"${owner}" is outside the zone "${zone}"; a server ignores this record`, undefined, 'warning');
            return;
        }
        this.records.push({
            name: owner,
            type,
            ttl,
            data: rdata.value.data,
            parsed: rdata.value.parsed,
            zone,
            location,
            relativeTarget: rdata.value.relativeTarget ? true : undefined,
            comment,
        });
    }
}
function settingsOrigin(options) {
    const origin = options?.settings?.origin;
    return typeof origin === 'string' && origin !== '' ? absoluteZone(origin) : undefined;
}
function parseBind(file, options) {
    const notText = notTextProblem(file);
    if (notText) {
        return { path: file.path, format: 'bind', zones: [], records: [], problems: [notText] };
    }
    const reader = new ZoneReader(settingsOrigin(options), originFromFileName(file.path), options);
    reader.read(file.path, file.text, []);
    const zone = reader.zone;
    return {
        path: file.path,
        format: 'bind',
        zones: zone === undefined ? [] : [zone],
        records: reader.records,
        problems: reader.problems,
    };
}
const SAMPLE_CHARS = 64 * 1024;
const DIRECTIVE = /^\$(?:ORIGIN|TTL|INCLUDE)[ \t]/im;
const RECORD_LINE = /^\S*[ \t]+(?:\d\w*[ \t]+)?(?:IN[ \t]+)?(?:\d\w*[ \t]+)?(?:SOA|NS|A|AAAA|CNAME|MX|TXT|SRV|PTR|CAA)[ \t]/im;
const SOA_LINE = /^\S*[ \t]+(?:\d\w*[ \t]+)?(?:IN[ \t]+)?(?:\d\w*[ \t]+)?SOA[ \t]/im;
/** Extensions other formats own. */
const FOREIGN = /\.(?:ya?ml|json|js|mjs|cjs|ts|csv|tf|py|md|html?)$/;
function detectBind(file) {
    const base = external_node_path_default().posix.basename(file.path.replace(/\\/g, '/').toLowerCase());
    if (FOREIGN.test(base))
        return 0;
    const named = /\.(?:zone|db|hosts|bind)$/.test(base) || base.startsWith('db.');
    const head = file.text.slice(0, SAMPLE_CHARS);
    const zoneLike = SOA_LINE.test(head) || (DIRECTIVE.test(head) && RECORD_LINE.test(head));
    if (named && (zoneLike || RECORD_LINE.test(head)))
        return 10;
    if (zoneLike)
        return 6;
    return named ? 2 : 0;
}
/**
 * BIND zone file (RFC 1035 master format). Settings: `origin` (the zone, when neither a
 * leading `$ORIGIN` nor the file name says it). `$INCLUDE` paths are relative to the including
 * file and read through `readFile`.
 */
const BIND = {
    id: 'bind',
    title: 'BIND zone file',
    filePatterns: ['*.zone', '*.db', 'db.*', '*.hosts'],
    detect: detectBind,
    parse: parseBind,
    render(record, zone) {
        const owner = relativeOwner(record.name, absoluteZone(zone));
        const ttl = record.ttl === undefined ? '' : ` ${record.ttl}`;
        return `${owner}${ttl} IN ${record.type} ${record.data}`;
    },
};

;// CONCATENATED MODULE: ./src/formats/dns/csv.ts


/**
 * Splits CSV text into rows of cells (RFC 4180 quoting, blanks around cells ignored, a quoted cell
 * may span lines), keeping each cell's position.
 */
function csvRows(text, delimiter) {
    const rows = [];
    const d = delimiter.charCodeAt(0);
    const n = text.length;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    let lineStart = i;
    let row = [];
    const blank = (c) => c === 32 || c === 9 || c === 13;
    while (i <= n) {
        // One cell.
        while (i < n && blank(text.charCodeAt(i)) && text.charCodeAt(i) !== d)
            i++;
        const cellLine = line;
        let column = i - lineStart + 1;
        let value;
        if (text.charCodeAt(i) === 34 /* " */) {
            column++;
            let j = i + 1;
            let out = '';
            let from = j;
            for (;;) {
                if (j >= n)
                    break;
                const c = text.charCodeAt(j);
                if (c === 34) {
                    if (text.charCodeAt(j + 1) === 34) {
                        out += text.slice(from, j + 1);
                        j += 2;
                        from = j;
                        continue;
                    }
                    break;
                }
                if (c === 10) {
                    line++;
                    lineStart = j + 1;
                }
                j++;
            }
            out += text.slice(from, j);
            value = out;
            i = j + 1;
            // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
            const rest = i;
            while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 10)
                i++;
            value += text.slice(rest, i).trim();
        }
        else {
            const from = i;
            while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 10)
                i++;
            value = text.slice(from, i).trim();
        }
        row.push({ text: value, line: cellLine, column });
        if (i < n && text.charCodeAt(i) === d) {
            i++;
            continue;
        }
        rows.push(row);
        row = [];
        if (i >= n)
            break;
        i++;
        line++;
        lineStart = i;
        if (i === n)
            break;
    }
    return rows;
}
const ROLE_NAMES = [
    ['name', /^(?:host|hostname|name|record|record name|fqdn|owner|domain name|dns name)$/],
    ['type', /^(?:type|record type|rrtype|rr type|rtype)$/],
    ['ttl', /^ttl$/],
    ['zone', /^(?:domain|zone|zone name|origin)$/],
    ['priority', /^(?:priority|preference|pref|prio)$/],
    ['value', /^(?:content|value|data|target|address|answer|rdata|points to)\s*\d*$/],
];
function layoutOf(header, columns) {
    const names = header.map((c) => c.text.toLowerCase().replace(/\s+/g, ' '));
    const find = (role) => {
        const wanted = columns?.[role === 'value' ? 'values' : role];
        if (typeof wanted === 'string' && role !== 'value') {
            const i = names.indexOf(wanted.toLowerCase());
            return i >= 0 ? i : undefined;
        }
        const pattern = ROLE_NAMES.find(([r]) => r === role)[1];
        const i = names.findIndex((n) => pattern.test(n));
        return i >= 0 ? i : undefined;
    };
    let values;
    const wanted = columns?.values;
    if (wanted !== undefined) {
        const list = typeof wanted === 'string' ? [wanted] : wanted;
        values = list.map((w) => names.indexOf(w.toLowerCase())).filter((i) => i >= 0);
    }
    else {
        const pattern = ROLE_NAMES.find(([r]) => r === 'value')[1];
        values = names.flatMap((n, i) => (pattern.test(n) ? [i] : []));
    }
    const type = find('type');
    if (type === undefined || values.length === 0) {
        return `the header ${JSON.stringify(header.map((c) => c.text).join(', '))} has no ${type === undefined ? 'type' : 'value'} column; name the columns with the "columns" option`;
    }
    return {
        name: find('name'),
        type,
        ttl: find('ttl'),
        zone: find('zone'),
        priority: find('priority'),
        values,
    };
}
/** The delimiter the header uses most: comma, semicolon or tab. */
function delimiterOf(text) {
    const end = text.indexOf('\n');
    const first = end < 0 ? text : text.slice(0, end);
    const count = (c) => first.split(c).length;
    return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}
function stringSetting(settings, key) {
    const v = settings?.[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function parseCsv(file, options) {
    const records = [];
    const problems = [];
    const zones = [];
    const result = { path: file.path, format: 'dns-csv', zones, records, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const settings = options?.settings;
    const fixedZone = stringSetting(settings, 'zone');
    const delimiter = stringSetting(settings, 'delimiter') ?? delimiterOf(file.text);
    const columns = settings?.columns;
    const rows = csvRows(file.text, delimiter).filter((r) => r.some((c) => c.text !== ''));
    const header = rows[0];
    if (!header)
        return result;
    const layout = layoutOf(header, typeof columns === 'object' && columns !== null ? columns : undefined);
    const at = (cell) => ({
        file: file.path,
        line: cell.line,
        column: cell.column,
    });
    if (typeof layout === 'string') {
        problems.push({ location: at(header[0]), message: layout });
        return result;
    }
    if (fixedZone !== undefined)
        zones.push(absoluteZone(fixedZone));
    const problem = (cell, message) => problems.push({ location: at(cell), message, text: cell.text });
    let ctx = { origin: undefined, mode: 'absolute' };
    for (const row of rows.slice(1)) {
        const cell = (i) => i === undefined ? undefined : row[i];
        const typeCell = cell(layout.type);
        if (typeCell === undefined || typeCell.text === '') {
            problems.push({ location: at(row[0]), message: 'this row has no record type' });
            continue;
        }
        const type = recordType(typeCell.text);
        if (type === undefined) {
            problem(typeCell, `unknown record type "${typeCell.text}"`);
            continue;
        }
        const zoneCell = cell(layout.zone);
        let zone = fixedZone !== undefined ? absoluteZone(fixedZone) : undefined;
        if (zone === undefined && zoneCell && zoneCell.text !== '') {
            const checked = plainName(zoneCell.text);
            if (!checked.ok) {
                problem(zoneCell, checked.error);
                continue;
            }
            zone = absoluteZone(checked.value);
            if (!zones.includes(zone))
                zones.push(zone);
        }
        const nameCell = cell(layout.name);
        const owner = ownerName(nameCell?.text ?? '', zone);
        if (!owner.ok) {
            problem(nameCell ?? typeCell, owner.error);
            continue;
        }
        let ttl;
        const ttlCell = cell(layout.ttl);
        if (ttlCell && ttlCell.text !== '') {
            ttl = parseTtl(ttlCell.text);
            if (ttl === undefined || ttl > MAX_TTL) {
                problem(ttlCell, `invalid TTL "${ttlCell.text}"`);
                continue;
            }
        }
        const priority = cell(layout.priority)?.text ?? '';
        if (ctx.origin !== zone)
            ctx = { origin: zone, mode: 'absolute' };
        let values = 0;
        for (const index of layout.values) {
            const valueCell = row[index];
            if (valueCell === undefined || valueCell.text === '')
                continue;
            values++;
            const written = priority !== '' && (type === 'MX' || type === 'SRV')
                ? `${priority} ${valueCell.text}`
                : valueCell.text;
            const rdata = readValue(type, written, ctx);
            if (!rdata.ok) {
                problem(valueCell, rdata.error);
                continue;
            }
            records.push({
                name: owner.value,
                type,
                ttl,
                data: rdata.value.data,
                parsed: rdata.value.parsed,
                zone: zone ?? '.',
                location: at(valueCell),
                relativeTarget: undefined,
                comment: undefined,
            });
        }
        if (values === 0)
            problem(typeCell, `this ${type} row has no value`);
    }
    return result;
}
function ownerName(written, zone) {
    if (written === '' || written === '@') {
        return zone
            ? { ok: true, value: zone }
            : {
                ok: false,
                error: 'a row without a name needs a zone (a domain column or the "zone" option)',
            };
    }
    const checked = plainName(written);
    if (!checked.ok)
        return checked;
    const name = checked.value.toLowerCase();
    if (endsWithDot(name))
        return { ok: true, value: name };
    if (zone === undefined)
        return { ok: true, value: `${name}.` };
    const bare = zone.slice(0, -1);
    // Exports write names in full (`www.contoso.com`) or relative to the zone (`www`).
    if (name === bare || name.endsWith(`.${bare}`))
        return { ok: true, value: `${name}.` };
    return { ok: true, value: `${name}.${zone}` };
}
/** A value cell: TXT as its text (or as quoted strings), SOA as written, others in zone-file form. */
function readValue(type, text, ctx) {
    if (type === 'TXT' || type === 'SPF') {
        const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? txtStrings(text) : undefined;
        return { ok: true, value: txtRdata(quoted ?? chunkText(text)) };
    }
    // Exports often give only the SOA's names; the SOA says nothing the checks use.
    if (type === 'SOA')
        return { ok: true, value: otherRdata(text.replace(/\s+/g, ' ')) };
    const fields = splitFields(text);
    if (!fields.ok)
        return fields;
    const rdata = rdataFromFields(type, fieldsOf(fields.value), ctx);
    return rdata.ok ? rdata : { ok: false, error: rdata.error };
}
const SAMPLE_LINES = 1;
function detectCsv(file) {
    if (!/\.(?:csv|tsv)$/i.test(file.path))
        return 0;
    const head = file.text.slice(0, 4096);
    const rows = csvRows(head.split('\n').slice(0, SAMPLE_LINES).join('\n'), delimiterOf(head));
    const header = rows[0];
    if (!header)
        return 0;
    const layout = layoutOf(header, undefined);
    if (typeof layout === 'string')
        return 0;
    return layout.name !== undefined ? 8 : 5;
}
function csvCell(text) {
    return /[",\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
function renderCsv(record, zone) {
    const bare = (name) => (name.endsWith('.') && name !== '.' ? name.slice(0, -1) : name);
    let content;
    if (record.type === 'TXT' || record.type === 'SPF') {
        content = csvCell((txtStrings(record.data) ?? [record.data]).join(''));
    }
    else {
        content = csvCell(record.data.split(' ').map(bare).join(' '));
    }
    const ttl = record.ttl === undefined ? '' : String(record.ttl);
    return [bare(record.name), bare(absoluteZone(zone)), record.type, ttl, content].join(', ');
}
/**
 * CSV zone export, e.g. `host, domain, type, ttl, content, content2, ...`. Settings: `zone` (when
 * there is no domain column), `delimiter` (`,`, `;` or tab; guessed from the header), and
 * `columns` naming the header of each role: `{ name, type, ttl, zone, priority, values }`
 * (`values` a header or a list of headers). Without `columns` the usual header names are
 * recognised (host/name, type, ttl, domain/zone, priority, content/value/data/target...).
 */
const DNS_CSV = {
    id: 'dns-csv',
    title: 'DNS zone export (CSV)',
    filePatterns: ['*.csv', '*.tsv'],
    detect: detectCsv,
    parse: parseCsv,
    render: renderCsv,
};

// EXTERNAL MODULE: ./node_modules/acorn/dist/acorn.mjs
var acorn = __webpack_require__(4559);
;// CONCATENATED MODULE: ./src/formats/dns/dnscontrol.ts





const INERT = { kind: 'inert' };
/** Builders of records and how many values follow the name. */
const BUILDERS = {
    A: 1,
    AAAA: 1,
    CNAME: 1,
    NS: 1,
    PTR: 1,
    ALIAS: 1,
    MX: 2,
    SRV: 4,
    TXT: 1,
    CAA: 2,
};
/** Calls that configure rather than add records: read without a notice. */
const MODIFIERS = new Set([
    'TTL',
    'DefaultTTL',
    'NAMESERVER',
    'NAMESERVER_TTL',
    'DnsProvider',
    'NewRegistrar',
    'NewDnsProvider',
    'NO_PURGE',
    'PURGE',
    'IGNORE',
    'IGNORE_NAME',
    'IGNORE_TARGET',
    'IGNORE_EXTERNAL_DNS',
    'AUTODNSSEC',
    'AUTODNSSEC_ON',
    'AUTODNSSEC_OFF',
    'DISABLE_IGNORE_SAFETY_CHECK',
    'CAA_CRITICAL',
    'DEFAULTS',
    'END',
]);
/** Record types dnscontrol can make that are kept as written, without a builder here. */
const OTHER_BUILDERS = new Set([
    'DS',
    'DNSKEY',
    'HTTPS',
    'SVCB',
    'NAPTR',
    'SSHFP',
    'TLSA',
    'LOC',
    'SOA',
    'DHCID',
    'DNAME',
    'OPENPGPKEY',
    'SMIMEA',
    'URL',
    'URL301',
    'FRAME',
    'IMPORT_TRANSFORM',
    'INCLUDE',
    'SPF_BUILDER',
    'DMARC_BUILDER',
    'CAA_BUILDER',
    'M365_BUILDER',
    'LOC_BUILDER_DD',
    'LOC_BUILDER_DMM_STR',
    'LOC_BUILDER_DMS_STR',
    'LOC_BUILDER_STR',
    'R53_ALIAS',
    'CF_REDIRECT',
    'CF_TEMP_REDIRECT',
    'CF_WORKER_ROUTE',
    'CF_SINGLE_REDIRECT',
    'AZURE_ALIAS',
    'AKAMAICDN',
]);
const MAX_DEPTH = 64;
const MAX_CALLS = 32;
/** A commented-out call such as `// CNAME('x', 'y.'),`: not a remark about the next record. */
const dnscontrol_COMMENTED_OUT = /^\s*[A-Za-z_$][\w$]*\s*\(.*\)\s*[,;]?\s*$/;
class Reader {
    records = [];
    problems = [];
    zones = [];
    /** Domains by name, for D_EXTEND. */
    #domains = [];
    #helpers;
    #readFile;
    #required = new Set();
    #defaultTtl;
    #calls = 0;
    constructor(helpers, options) {
        this.#helpers = helpers;
        this.#readFile = options?.readFile;
    }
    report(location, message, severity, text) {
        const problem = { location, message };
        this.problems.push({
            ...problem,
            ...(text !== undefined ? { text } : {}),
            ...(severity ? { severity } : {}),
        });
    }
    /** Parses a file and runs its top-level statements in `scope`. */
    readFile(file, text, scope) {
        const comments = [];
        let program;
        try {
            program = (0,acorn/* parse */.qg)(text, {
                ecmaVersion: 'latest',
                sourceType: 'script',
                allowReturnOutsideFunction: true,
                allowHashBang: true,
                onComment: comments,
            });
        }
        catch (e) {
            if (e instanceof SyntaxError && 'pos' in e) {
                const pos = e.pos;
                const message = e.message.replace(/ \(\d+:\d+\)$/, '');
                const at = new TextPositions(text).at(pos);
                this.report({ file, ...at }, `invalid JavaScript: ${message}`);
                return;
            }
            if (e instanceof RangeError) {
                this.report({ file, line: 0, column: 1 }, 'the script is nested too deeply to read');
                return;
            }
            throw e;
        }
        const lines = new TextPositions(text);
        const ctx = {
            path: file,
            text,
            lines,
            comments: commentLines(text, lines, comments),
        };
        // Function declarations are hoisted, as JavaScript does.
        for (const statement of program.body) {
            if (statement.type === 'FunctionDeclaration') {
                scope.set(statement.id.name, { kind: 'function', fn: statement, scope, file: ctx });
            }
        }
        for (const statement of program.body)
            this.#statement(statement, scope, ctx);
    }
    #statement(statement, scope, ctx) {
        switch (statement.type) {
            case 'FunctionDeclaration':
            case 'EmptyStatement':
                return;
            case 'VariableDeclaration':
                this.#declare(statement, scope, ctx, 0);
                return;
            case 'ExpressionStatement': {
                const expression = statement
                    .expression;
                if (expression.type === 'CallExpression' && expression.callee.type === 'Identifier') {
                    this.#topLevelCall(expression, expression.callee.name, scope, ctx);
                }
                return;
            }
            case 'IfStatement':
            case 'ForStatement':
            case 'ForInStatement':
            case 'ForOfStatement':
            case 'WhileStatement':
            case 'DoWhileStatement':
            case 'BlockStatement':
            case 'SwitchStatement':
            case 'TryStatement':
                this.report(start(ctx, statement), 'records made inside a loop, a condition or a block are not read', 'notice');
                return;
            default:
                return;
        }
    }
    #declare(declaration, scope, ctx, depth) {
        for (const d of declaration.declarations) {
            if (d.id.type !== 'Identifier')
                continue;
            scope.set(d.id.name, d.init ? this.#evaluate(d.init, scope, ctx, depth + 1) : INERT);
        }
    }
    #topLevelCall(call, name, scope, ctx) {
        if (name === 'D' || name === 'D_EXTEND') {
            this.#domain(call, name, scope, ctx);
            return;
        }
        if (name === 'require') {
            const arg = call.arguments[0];
            const target = arg ? this.#evaluate(arg, scope, ctx, 1) : undefined;
            if (target?.kind === 'text')
                this.#require(target.value, ctx, scope);
            return;
        }
        if (name === 'require_glob') {
            const arg = call.arguments[0];
            const target = arg ? this.#evaluate(arg, scope, ctx, 1) : undefined;
            const what = target?.kind === 'text' ? `require_glob("${target.value}")` : 'require_glob()';
            this.report(start(ctx, call), `${what} is not followed; the records in those files are not read`, 'notice');
            return;
        }
        if (name === 'DEFAULTS') {
            for (const arg of call.arguments) {
                const value = this.#evaluate(arg, scope, ctx, 1);
                if (value.kind === 'modifier' && value.name === 'DefaultTTL') {
                    this.#defaultTtl = ttlOf(value.args[0]) ?? this.#defaultTtl;
                }
            }
            return;
        }
        // Any other call is evaluated for what it declares; a top-level helper call adds no records.
    }
    #require(target, ctx, scope) {
        const resolved = target.startsWith('/')
            ? external_node_path_default().posix.normalize(target)
            : external_node_path_default().posix.join(external_node_path_default().posix.dirname(ctx.path.replace(/\\/g, '/')), target);
        if (this.#required.has(resolved) || resolved === ctx.path)
            return;
        this.#required.add(resolved);
        const text = this.#readFile?.(resolved);
        // A helper file that is not there leaves its helpers unread; their calls say so.
        if (text === undefined || notTextProblem({ path: resolved, text }))
            return;
        this.readFile(resolved, withoutBom(text), scope);
    }
    #domain(call, name, scope, ctx) {
        const [first, ...rest] = call.arguments;
        const domainValue = first ? this.#evaluate(first, scope, ctx, 1) : undefined;
        if (domainValue?.kind !== 'text') {
            this.report(start(ctx, first ?? call), `${name} needs the domain name as its first argument`);
            return;
        }
        // `D("contoso.com!internal", ...)` tags a split-horizon view of the same domain.
        const written = domainValue.value.replace(/!.*$/, '');
        const checked = plainName(written);
        if (!checked.ok || written === '') {
            this.report(domainValue.at, checked.ok ? 'empty domain name' : checked.error, undefined, written);
            return;
        }
        const domain = absoluteZone(checked.value);
        let zone = domain;
        if (name === 'D') {
            if (!this.zones.includes(domain))
                this.zones.push(domain);
            this.#domains.push(domain);
        }
        else {
            const parent = this.#domains
                .filter((d) => domain === d || domain.endsWith(`.${d}`))
                .sort((a, b) => b.length - a.length)[0];
            if (parent === undefined) {
                this.report(domainValue.at, `D_EXTEND("${written}") comes before any D() of its domain`, undefined, written);
            }
            zone = parent ?? domain;
        }
        let ttl = this.#defaultTtl;
        const args = name === 'D' ? rest.slice(1) : rest;
        const values = args.flatMap((a) => this.#spread(a, scope, ctx, 1));
        for (const value of flatten(values)) {
            if (value.kind === 'modifier') {
                if (value.name === 'DefaultTTL')
                    ttl = ttlOf(value.args[0]) ?? ttl;
                if (value.name === 'NAMESERVER')
                    this.#nameserver(value, domain, zone, ttl);
                continue;
            }
            if (value.kind === 'drafts') {
                for (const draft of value.drafts)
                    this.#materialise(draft, domain, zone, ttl);
                continue;
            }
            if (value.kind === 'unknown') {
                this.report(value.at, value.reason, 'notice');
            }
        }
    }
    #nameserver(value, domain, zone, ttl) {
        const target = value.args[0];
        if (target?.kind !== 'text')
            return;
        const rdata = nameRdata('NS', target.value, domain);
        if (!rdata.ok) {
            this.report(target.at, rdata.error, undefined, target.value);
            return;
        }
        this.#push(domain, 'NS', ttl, rdata.value, zone, { location: target.at, comment: undefined });
    }
    #push(name, type, ttl, rdata, zone, site) {
        this.records.push({
            name,
            type,
            ttl,
            data: rdata.data,
            parsed: rdata.parsed,
            zone,
            location: site.location,
            relativeTarget: rdata.relativeTarget ? true : undefined,
            comment: site.comment,
        });
    }
    #owner(written, domain) {
        if (written === '@' || written === '')
            return { ok: true, value: domain };
        const absolute = endsWithDot(written) ? written : qualify(written, domain);
        const checked = plainName(absolute);
        if (!checked.ok)
            return checked;
        return { ok: true, value: checked.value.toLowerCase() };
    }
    #materialise(draft, domain, zone, defaultTtl) {
        if (draft.kind === 'helper') {
            this.#expand(draft, domain, zone, defaultTtl);
            return;
        }
        const { type, args } = draft;
        const site = draft.via ?? { location: draft.at, comment: draft.call.comment };
        const nameValue = args[0];
        if (nameValue?.kind !== 'text') {
            const at = nameValue && 'at' in nameValue ? nameValue.at : draft.call.location;
            this.#unread(nameValue, at, `${type} needs a name as its first argument`);
            return;
        }
        const owner = this.#owner(nameValue.value, domain);
        if (!owner.ok) {
            this.report(nameValue.at, owner.error, undefined, nameValue.value);
            return;
        }
        let ttl = defaultTtl;
        let critical = false;
        const positional = [];
        for (const arg of args.slice(1)) {
            if (arg.kind === 'modifier') {
                if (arg.name === 'TTL') {
                    const t = ttlOf(arg.args[0]);
                    if (t === undefined) {
                        this.report(arg.at, 'TTL() needs a number of seconds or a duration such as "1h"');
                        return;
                    }
                    ttl = t;
                }
                else if (arg.name === 'CAA_CRITICAL')
                    critical = true;
                continue;
            }
            if (arg.kind === 'inert')
                continue;
            positional.push(arg);
        }
        const needed = BUILDERS[type];
        for (let i = 0; i < needed; i++) {
            const v = positional[i];
            if (v === undefined) {
                this.report(draft.call.location, `${type}("${nameValue.value}") needs ${needed + 1} arguments`);
                return;
            }
            if (v.kind === 'unknown' || v.kind === 'drafts' || v.kind === 'function') {
                this.#unread(v, draft.call.location, `an argument of ${type}("${nameValue.value}") is not a value`);
                return;
            }
        }
        const rdata = buildRdata(type, positional.slice(0, needed), domain, critical);
        if (!rdata.ok) {
            this.report(rdata.at ?? draft.at, rdata.error, undefined, rdata.text);
            return;
        }
        this.#push(owner.value, type, ttl, rdata.value, zone, site);
    }
    /** A notice for a value that cannot be read (or an error when it is simply the wrong thing). */
    #unread(value, at, fallback) {
        if (value?.kind === 'unknown')
            this.report(value.at, value.reason, 'notice');
        else
            this.report(at, fallback);
    }
    #expand(draft, domain, zone, defaultTtl) {
        const bare = domain.replace(/\.$/, '');
        for (const template of draft.templates) {
            for (const bound of bindings(template, draft.args)) {
                const fill = (s) => s
                    .replace(/\{domain\}/g, bare)
                    .replace(/\{domain-dashed\}/g, bare.replace(/\./g, '-'))
                    .replace(/\$(\d)/g, (m, n) => bound[Number(n) - 1] ?? m);
                const prefix = `${draft.name}(): `;
                const owner = this.#owner(fill(template.name), domain);
                if (!owner.ok) {
                    this.report(draft.call.location, prefix + owner.error);
                    continue;
                }
                const value = fill(template.value);
                let rdata;
                if (template.type === 'TXT' || template.type === 'SPF') {
                    rdata = { ok: true, value: txtRdata(chunkText(value)) };
                }
                else {
                    const fields = splitFields(value);
                    if (!fields.ok)
                        rdata = fields;
                    else {
                        const r = rdataFromFields(template.type, fieldsOf(fields.value), labelContext(domain));
                        rdata = r.ok ? r : { ok: false, error: r.error };
                    }
                }
                if (!rdata.ok) {
                    this.report(draft.call.location, prefix + rdata.error);
                    continue;
                }
                this.#push(owner.value, template.type, template.ttl ?? defaultTtl, rdata.value, zone, draft.call);
            }
        }
    }
    /** An argument, with `...spread` arrays taken apart. */
    #spread(node, scope, ctx, depth) {
        if (node.type === 'SpreadElement') {
            const value = this.#evaluate(node.argument, scope, ctx, depth + 1);
            return value.kind === 'list' ? [...value.items] : [value];
        }
        return [this.#evaluate(node, scope, ctx, depth + 1)];
    }
    #evaluate(node, scope, ctx, depth) {
        const at = start(ctx, node);
        if (depth > MAX_DEPTH)
            return { kind: 'unknown', reason: 'this expression is nested too deeply to read', at };
        const e = node;
        switch (e.type) {
            case 'Literal':
                if (typeof e.value === 'string')
                    return { kind: 'text', value: e.value, at: inside(at) };
                if (typeof e.value === 'number')
                    return { kind: 'number', value: e.value, at };
                return INERT;
            case 'TemplateLiteral': {
                let text = '';
                for (let i = 0; i < e.quasis.length; i++) {
                    text += e.quasis[i].value.cooked ?? e.quasis[i].value.raw;
                    const expression = e.expressions[i];
                    if (expression === undefined)
                        continue;
                    const part = this.#evaluate(expression, scope, ctx, depth + 1);
                    if (part.kind === 'text' || part.kind === 'number')
                        text += String(part.value);
                    else
                        return unknownValue(part, at, `\`${source(ctx, e)}\` is computed`);
                }
                return { kind: 'text', value: text, at: inside(at) };
            }
            case 'BinaryExpression': {
                if (e.operator !== '+' || e.left.type === 'PrivateIdentifier') {
                    return { kind: 'unknown', reason: `"${source(ctx, e)}" is computed`, at };
                }
                const left = this.#evaluate(e.left, scope, ctx, depth + 1);
                const right = this.#evaluate(e.right, scope, ctx, depth + 1);
                if (left.kind === 'number' && right.kind === 'number') {
                    return { kind: 'number', value: left.value + right.value, at };
                }
                if ((left.kind === 'text' || left.kind === 'number') &&
                    (right.kind === 'text' || right.kind === 'number')) {
                    return { kind: 'text', value: String(left.value) + String(right.value), at: left.at };
                }
                return unknownValue(left.kind === 'unknown' ? left : right, at, `"${source(ctx, e)}" is computed`);
            }
            case 'Identifier': {
                const value = scope.get(e.name);
                if (value !== undefined)
                    return value;
                return { kind: 'unknown', reason: `"${e.name}" is not defined in this file`, at };
            }
            case 'ArrayExpression': {
                const items = [];
                for (const element of e.elements) {
                    if (element)
                        items.push(...this.#spread(element, scope, ctx, depth + 1));
                }
                return { kind: 'list', items, at };
            }
            case 'ObjectExpression':
                return INERT;
            case 'CallExpression':
                return this.#call(e, scope, ctx, depth);
            case 'ArrowFunctionExpression':
            case 'FunctionExpression':
                return { kind: 'function', fn: e, scope, file: ctx };
            default:
                return { kind: 'unknown', reason: `"${dnscontrol_preview(source(ctx, e))}" is computed`, at };
        }
    }
    #call(call, scope, ctx, depth) {
        const at = start(ctx, call);
        if (call.callee.type !== 'Identifier') {
            return { kind: 'unknown', reason: `"${dnscontrol_preview(source(ctx, call))}" is computed`, at };
        }
        const name = call.callee.name;
        const args = () => call.arguments.flatMap((a) => this.#spread(a, scope, ctx, depth + 1));
        const site = () => ({ location: at, comment: commentAt(ctx, call) });
        const helper = this.#helpers.get(name);
        if (helper !== undefined) {
            return {
                kind: 'drafts',
                drafts: [{ kind: 'helper', name, args: args(), call: site(), templates: helper }],
            };
        }
        if (name in BUILDERS) {
            const values = args();
            const first = call.arguments[1];
            const valueAt = first && first.type !== 'SpreadElement' ? start(ctx, first) : at;
            const record = {
                kind: 'record',
                type: name,
                args: values,
                call: site(),
                at: first && isStringNode(first) ? inside(valueAt) : valueAt,
            };
            return { kind: 'drafts', drafts: [record] };
        }
        if (MODIFIERS.has(name))
            return { kind: 'modifier', name, args: args(), at };
        if (OTHER_BUILDERS.has(name)) {
            return {
                kind: 'unknown',
                reason: `${name}() is not read; set the "helpers" option to say what it adds`,
                at,
                helper: name,
            };
        }
        const fn = scope.get(name);
        if (fn?.kind === 'function')
            return this.#apply(name, fn, args(), site(), depth);
        return {
            kind: 'unknown',
            reason: `${name}() is a helper that cannot be read; set the "helpers" option to say what it adds`,
            at,
            helper: name,
        };
    }
    /** Calls a function of the file whose body only declares values and returns. */
    #apply(name, fn, args, site, depth) {
        const cannot = (why) => ({
            kind: 'unknown',
            reason: `${name}() cannot be read (${why}); set the "helpers" option to say what it adds`,
            at: site.location,
            helper: name,
        });
        if (this.#calls >= MAX_CALLS)
            return cannot('it calls itself too deeply');
        const inner = new Map(fn.scope);
        fn.fn.params.forEach((param, i) => {
            if (param.type === 'Identifier')
                inner.set(param.name, args[i] ?? INERT);
        });
        inner.set('arguments', { kind: 'list', items: [...args], at: site.location });
        this.#calls++;
        try {
            let result;
            if (fn.fn.body.type !== 'BlockStatement') {
                result = this.#evaluate(fn.fn.body, inner, fn.file, depth + 1);
            }
            else {
                for (const statement of fn.fn.body.body) {
                    if (statement.type === 'VariableDeclaration') {
                        this.#declare(statement, inner, fn.file, depth + 1);
                    }
                    else if (statement.type === 'ReturnStatement') {
                        result = statement.argument
                            ? this.#evaluate(statement.argument, inner, fn.file, depth + 1)
                            : INERT;
                        break;
                    }
                    else if (statement.type !== 'EmptyStatement') {
                        return cannot('its body does more than return records');
                    }
                }
            }
            if (result === undefined)
                return INERT;
            const drafts = [];
            for (const value of flatten([result])) {
                if (value.kind === 'unknown') {
                    return cannot(value.reason.replace(/; set the "helpers".*$/, ''));
                }
                if (value.kind === 'drafts') {
                    for (const d of value.drafts) {
                        const computed = d.kind === 'record' ? flatten(d.args).find((a) => a.kind === 'unknown') : undefined;
                        if (computed?.kind === 'unknown')
                            return cannot(computed.reason.replace(/; set the "helpers".*$/, ''));
                        drafts.push(d.kind === 'record' && d.via === undefined ? { ...d, via: site } : d);
                    }
                }
            }
            return drafts.length > 0 ? { kind: 'drafts', drafts } : result;
        }
        finally {
            this.#calls--;
        }
    }
}
/** Values with lists taken apart (records in arrays are spread into D). */
function flatten(values, depth = 0) {
    const out = [];
    for (const value of values) {
        if (value.kind === 'list' && depth < MAX_DEPTH)
            out.push(...flatten(value.items, depth + 1));
        else
            out.push(value);
    }
    return out;
}
function unknownValue(part, at, reason) {
    return part.kind === 'unknown' ? part : { kind: 'unknown', reason, at };
}
function ttlOf(value) {
    if (value?.kind === 'number')
        return Number.isInteger(value.value) && value.value >= 0 ? value.value : undefined;
    if (value?.kind === 'text')
        return parseTtl(value.value);
    return undefined;
}
function labelContext(domain) {
    return { origin: domain, mode: 'label' };
}
function nameRdata(type, target, domain) {
    const name = targetName(target, labelContext(domain));
    if (!name.ok)
        return name;
    return {
        ok: true,
        value: {
            data: name.value.name,
            parsed: { type, target: name.value.name },
            relativeTarget: false,
        },
    };
}
/** Record data from a builder's values (after the name). */
function buildRdata(type, values, domain, critical) {
    const text = (v) => v.kind === 'text' ? v.value : v.kind === 'number' ? String(v.value) : undefined;
    const atOf = (v) => ('at' in v ? v.at : undefined);
    const bad = (v, error) => ({
        ok: false,
        error,
        at: atOf(v),
        text: text(v),
    });
    const number = (v, what, max) => {
        const n = parseUint(text(v) ?? '', max);
        return n ?? bad(v, `${what} must be a number from 0 to ${max}, not ${dnscontrol_describe(v)}`);
    };
    const target = (v) => {
        const t = text(v);
        if (t === undefined || v.kind !== 'text')
            return bad(v, `a target must be a name, not ${dnscontrol_describe(v)}`);
        const name = targetName(t, labelContext(domain));
        return name.ok ? name.value.name : bad(v, name.error);
    };
    const [v0, v1, v2, v3] = values;
    switch (type) {
        case 'A':
        case 'AAAA': {
            const address = addressRdata(type, text(v0) ?? '');
            return address.ok ? address : bad(v0, address.error);
        }
        case 'CNAME':
        case 'NS':
        case 'PTR':
        case 'ALIAS': {
            const t = target(v0);
            if (typeof t !== 'string')
                return t;
            const parsed = type === 'ALIAS' ? { type: 'OTHER', text: t } : { type, target: t };
            return { ok: true, value: { data: t, parsed, relativeTarget: false } };
        }
        case 'MX': {
            const preference = number(v0, 'an MX preference', 65535);
            if (typeof preference !== 'number')
                return preference;
            const t = target(v1);
            if (typeof t !== 'string')
                return t;
            return {
                ok: true,
                value: {
                    data: `${preference} ${t}`,
                    parsed: { type: 'MX', preference, exchange: t },
                    relativeTarget: false,
                },
            };
        }
        case 'SRV': {
            const nums = [];
            for (const [v, what] of [
                [v0, 'an SRV priority'],
                [v1, 'an SRV weight'],
                [v2, 'an SRV port'],
            ]) {
                const n = number(v, what, 65535);
                if (typeof n !== 'number')
                    return n;
                nums.push(n);
            }
            const t = target(v3);
            if (typeof t !== 'string')
                return t;
            const [priority, weight, port] = nums;
            return {
                ok: true,
                value: {
                    data: `${priority} ${weight} ${port} ${t}`,
                    parsed: { type: 'SRV', priority, weight, port, target: t },
                    relativeTarget: false,
                },
            };
        }
        case 'TXT': {
            const parts = v0.kind === 'list' ? v0.items : [v0];
            const strings = [];
            for (const part of parts) {
                const t = part.kind === 'text' ? part.value : undefined;
                if (t === undefined)
                    return bad(part, `TXT content must be text or a list of texts, not ${dnscontrol_describe(part)}`);
                strings.push(...chunkText(t));
            }
            if (strings.length === 0)
                return bad(v0, 'TXT content must not be an empty list');
            return { ok: true, value: txtRdata(strings) };
        }
        case 'CAA': {
            const tag = text(v0);
            if (tag === undefined || !/^[A-Za-z0-9]+$/.test(tag)) {
                return bad(v0, `a CAA tag is letters and digits, not ${dnscontrol_describe(v0)}`);
            }
            const value = text(v1);
            if (value === undefined)
                return bad(v1, `a CAA value is text, not ${dnscontrol_describe(v1)}`);
            return {
                ok: true,
                value: otherRdata(`${critical ? 128 : 0} ${tag} ${txtRdata([value]).data}`),
            };
        }
    }
    return { ok: false, error: `${type} records are not read` };
}
function dnscontrol_describe(v) {
    switch (v.kind) {
        case 'text':
            return JSON.stringify(v.value);
        case 'number':
            return String(v.value);
        case 'list':
            return 'a list';
        case 'drafts':
            return 'a record';
        default:
            return 'something else';
    }
}
/** Which argument values each template expansion gets: one per element of a list argument. */
function bindings(template, args) {
    const used = new Set([...`${template.name} ${template.value}`.matchAll(/\$(\d)/g)].map((m) => Number(m[1]) - 1));
    let out = [[]];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const options = arg.kind === 'list' && used.has(i)
            ? arg.items.flatMap((item) => item.kind === 'text' || item.kind === 'number' ? [String(item.value)] : [])
            : [arg.kind === 'text' || arg.kind === 'number' ? String(arg.value) : ''];
        out = out.flatMap((prefix) => options.map((o) => [...prefix, o]));
    }
    return out;
}
// JavaScript also ends lines at `\r` and U+2028, so acorn's own line numbers are not used:
// positions come from offsets.
function start(ctx, node) {
    return { file: ctx.path, ...ctx.lines.at(node.start) };
}
function inside(at) {
    return { ...at, column: at.column + 1 };
}
function isStringNode(node) {
    return ((node.type === 'Literal' && typeof node.value === 'string') ||
        node.type === 'TemplateLiteral');
}
function source(ctx, node) {
    return ctx.text.slice(node.start, node.end);
}
function dnscontrol_preview(s) {
    const line = s.replace(/\s+/g, ' ');
    return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
/** Comments by line, for attaching them to the calls they describe. */
function commentLines(text, positions, comments) {
    const out = new Map();
    for (const c of comments) {
        const { line: startLine, column } = positions.at(c.start);
        const inline = text.slice(c.start - column + 1, c.start).trim() !== '';
        const lines = c.value.split('\n');
        lines.forEach((line, k) => {
            const cleaned = line.replace(/^\s*\*?\s?/, '').trim();
            out.set(startLine + k, {
                text: cleaned,
                inline: inline && k === 0,
                code: dnscontrol_COMMENTED_OUT.test(cleaned),
            });
        });
    }
    return out;
}
/** The inline comment on a call's line, or the comment lines right above it. */
function commentAt(ctx, node) {
    const first = ctx.lines.at(node.start).line;
    const last = ctx.lines.at(node.end).line;
    for (const line of first === last ? [first] : [first, last]) {
        const c = ctx.comments.get(line);
        if (c?.inline && c.text !== '' && !c.code)
            return c.text;
    }
    const above = [];
    for (let line = first - 1; line > 0; line--) {
        const c = ctx.comments.get(line);
        if (!c || c.inline)
            break;
        if (!c.code && isMeaningfulComment(c.text))
            above.unshift(c.text);
    }
    return above.length > 0 ? above.join('\n') : undefined;
}
/** The `helpers` setting: helper name -> records it adds. Problems are reported, not thrown. */
function readHelpers(settings, file, problems) {
    const helpers = new Map();
    const raw = settings?.helpers;
    if (raw === undefined)
        return helpers;
    const complain = (message) => problems.push({
        location: { file, line: 0, column: 1 },
        message: `option "helpers": ${message}`,
    });
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        complain('must map helper names to the records they add');
        return helpers;
    }
    for (const [name, list] of Object.entries(raw)) {
        if (!Array.isArray(list)) {
            complain(`"${name}" must be a list of {type, name, value}`);
            continue;
        }
        const templates = [];
        for (const item of list) {
            const t = item;
            const type = typeof t?.type === 'string' ? recordType(t.type) : undefined;
            const ttl = t?.ttl === undefined ? undefined : typeof t.ttl === 'number' ? t.ttl : Number.NaN;
            if (!t ||
                type === undefined ||
                typeof t.name !== 'string' ||
                typeof t.value !== 'string' ||
                Number.isNaN(ttl)) {
                complain(`"${name}" has a record that is not {type, name, value, ttl?}: ${JSON.stringify(item)}`);
                continue;
            }
            templates.push({ type, name: t.name, value: t.value, ttl });
        }
        helpers.set(name, templates);
    }
    return helpers;
}
function parseDnscontrol(file, options) {
    const notText = notTextProblem(file);
    if (notText)
        return { path: file.path, format: 'dnscontrol', zones: [], records: [], problems: [notText] };
    const problems = [];
    const helpers = readHelpers(options?.settings, file.path, problems);
    const reader = new Reader(helpers, options);
    reader.readFile(file.path, withoutBom(file.text), new Map());
    return {
        path: file.path,
        format: 'dnscontrol',
        zones: reader.zones,
        records: reader.records,
        problems: [...problems, ...reader.problems],
    };
}
const dnscontrol_SAMPLE_CHARS = 64 * 1024;
function detectDnscontrol(file) {
    const lower = file.path.toLowerCase();
    if (!/\.(?:js|cjs|mjs)$/.test(lower))
        return 0;
    const head = file.text.slice(0, dnscontrol_SAMPLE_CHARS);
    const declares = /(?:^|[^\w$.])D(?:_EXTEND)?\s*\(\s*["'`]/.test(head);
    const builds = /(?:^|[^\w$.])(?:NewRegistrar|NewDnsProvider|DnsProvider|CNAME|MX|TXT|SRV)\s*\(/.test(head);
    if (declares && builds)
        return lower.endsWith('dnsconfig.js') ? 10 : 8;
    if (declares || (lower.endsWith('dnsconfig.js') && builds))
        return 5;
    return 0;
}
function quoteJs(s) {
    return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
function renderDnscontrol(record, zone) {
    const owner = relativeOwner(record.name, absoluteZone(zone));
    const ttl = record.ttl === undefined ? '' : `, TTL(${record.ttl})`;
    const parts = record.data.split(' ');
    let values;
    if (record.type === 'MX' && parts.length === 2)
        values = [parts[0], quoteJs(parts[1])];
    else if (record.type === 'SRV' && parts.length === 4)
        values = [...parts.slice(0, 3), quoteJs(parts[3])];
    else if (record.type === 'TXT') {
        const strings = txtStrings(record.data) ?? [record.data];
        values = [strings.length === 1 ? quoteJs(strings[0]) : `[${strings.map(quoteJs).join(', ')}]`];
    }
    else if (record.type === 'CAA' && parts.length >= 3) {
        const value = txtStrings(parts.slice(2).join(' '))?.[0] ?? parts.slice(2).join(' ');
        values = [quoteJs(parts[1]), quoteJs(value)];
        if (parts[0] === '128')
            values.push('CAA_CRITICAL');
    }
    else
        values = [quoteJs(record.data)];
    return `${record.type}(${quoteJs(owner)}, ${values.join(', ')}${ttl})`;
}
/**
 * dnscontrol `dnsconfig.js` or a zone `.js` file it requires. Settings: `helpers`, mapping a
 * helper's name to the records one call adds: `{ Ms365_Root: [{ type: 'MX', name: '@', value:
 * '0 {domain-dashed}.mail.protection.outlook.com.' }, ...] }`. In `name` and `value`, `$1`…`$9`
 * are the call's arguments (a list argument repeats the record once per element), `{domain}` is
 * the domain and `{domain-dashed}` the domain with dashes for dots (`contoso-com`). Values are
 * written as in a zone file (`10 mail.contoso.com.`), TXT as the text itself; names and targets
 * follow dnscontrol: one label is relative to the domain, a name with dots ends with a dot.
 * Optional `ttl` per record. Files named by `require()` are read through `readFile`.
 */
const DNSCONTROL = {
    id: 'dnscontrol',
    title: 'dnscontrol (dnsconfig.js)',
    filePatterns: ['dnsconfig.js', '*.js'],
    detect: detectDnscontrol,
    parse: parseDnscontrol,
    render: renderDnscontrol,
};

;// CONCATENATED MODULE: ./src/formats/dns/octodns.ts





/**
 * octoDNS zone files (the YAML provider): a mapping from names relative to the zone (`''` is the
 * apex) to one record or a list of them, each with `type`, `ttl` and `value` or `values`.
 * Targets must be fully qualified; TXT values escape `;` as `\;`.
 */
/** The zone a YAML file's name gives (`contoso.com.yaml`). */
function zoneFromYamlName(file) {
    const base = external_node_path_default().posix.basename(file.replace(/\\/g, '/')).toLowerCase();
    const name = base.replace(/\.ya?ml$/, '').replace(/\.$/, '');
    if (!/^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/.test(name)) {
        return undefined;
    }
    return `${name}.`;
}
// ---------------------------------------------------------------------------------------------
// octoDNS
const RECORD_KEYS = new Set(['type', 'ttl', 'value', 'values', 'octodns', 'dynamic', 'geo']);
const TARGET_TYPES = new Set(['CNAME', 'NS', 'PTR', 'ALIAS', 'DNAME']);
function at(ctx, node) {
    return { file: ctx.file, ...contentPosition(ctx.src, node) };
}
function report(ctx, node, message, severity) {
    if (ctx.quiet)
        return;
    const text = scalarText(node);
    const problem = { location: at(ctx, node), message };
    ctx.problems.push({
        ...problem,
        ...(text !== undefined ? { text } : {}),
        ...(severity ? { severity } : {}),
    });
}
function parseOctodns(file, options) {
    const records = [];
    const problems = [];
    const settingsZone = options?.settings?.zone;
    const zone = typeof settingsZone === 'string' && settingsZone !== ''
        ? absoluteZone(settingsZone)
        : zoneFromYamlName(file.path);
    const result = {
        path: file.path,
        format: 'octodns',
        zones: zone ? [zone] : [],
        records,
        problems,
    };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    if (zone === undefined) {
        problems.push({
            location: { file: file.path, line: 0, column: 1 },
            message: `cannot tell the zone of "${file.path}": name the file after it (contoso.com.yaml) or set the "zone" option`,
        });
        return result;
    }
    const text = withoutBom(file.text);
    const src = readYaml(text);
    const syntax = src.syntax;
    if (syntax) {
        problems.push({
            location: { file: file.path, line: syntax.line, column: syntax.column },
            message: `invalid YAML: ${syntax.message}`,
        });
    }
    const root = src.doc.contents;
    if (root === null || root === undefined)
        return result;
    const ctx = {
        file: file.path,
        src,
        zone,
        comments: src.comments,
        records,
        problems,
        quiet: syntax !== undefined,
    };
    if (!(0,dist/* isMap */.jh)(root)) {
        report(ctx, root, 'an octoDNS zone file is a mapping from names to records');
        return result;
    }
    const names = new Set();
    for (const pair of root.items) {
        const keyNode = resolved(src, pair.key);
        const name = keyNode === null || keyNode === undefined ? '' : scalarText(keyNode);
        const value = resolved(src, pair.value);
        if (name === undefined) {
            report(ctx, keyNode, 'a record name must be a string');
            continue;
        }
        if (names.has(name)) {
            report(ctx, keyNode, `"${name}" is already a name above; list all its records under one key`);
            continue;
        }
        names.add(name);
        const owner = octodns_ownerName(ctx, name, keyNode);
        if (owner === undefined)
            continue;
        const keyLine = nodePosition(src, keyNode ?? value).line;
        if ((0,dist/* isSeq */.oP)(value)) {
            value.items.forEach((item, index) => {
                const record = resolved(src, item);
                if (!(0,dist/* isMap */.jh)(record)) {
                    report(ctx, record, `each record of "${name}" must be a mapping with a type`);
                    return;
                }
                readRecord(ctx, owner, name, record, index === 0 ? keyLine : undefined);
            });
        }
        else if ((0,dist/* isMap */.jh)(value)) {
            readRecord(ctx, owner, name, value, keyLine);
        }
        else {
            report(ctx, value ?? keyNode, `"${name}" must be a record or a list of records`);
        }
    }
    return result;
}
function octodns_ownerName(ctx, name, node) {
    if (name === '')
        return ctx.zone;
    if (endsWithDot(name)) {
        report(ctx, node, `octoDNS names are relative to the zone: "${name}" ends with a dot`);
        return undefined;
    }
    const checked = plainName(qualify(name, ctx.zone));
    if (!checked.ok) {
        report(ctx, node, checked.error);
        return undefined;
    }
    return checked.value.toLowerCase();
}
function readRecord(ctx, owner, name, record, keyLine) {
    const { src } = ctx;
    const get = (key) => resolved(src, record.get(key, true));
    const typeNode = get('type');
    const type = scalarText(typeNode)?.toUpperCase();
    if (type === undefined) {
        report(ctx, typeNode ?? record, `the record "${name}" has no type`);
        return;
    }
    const duplicate = duplicateKey(src, record);
    if (duplicate) {
        report(ctx, duplicate.node, `duplicate key "${duplicate.key}" in the record "${name}"`);
        return;
    }
    for (const pair of record.items) {
        const key = scalarText(resolved(src, pair.key));
        if (key !== undefined && !RECORD_KEYS.has(key)) {
            report(ctx, resolved(src, pair.key), `"${key}" is not an octoDNS record key and is not read`, 'notice');
        }
    }
    const octodns = get('octodns');
    if ((0,dist/* isMap */.jh)(octodns)) {
        const ignored = resolved(src, octodns.get('ignored', true));
        if ((0,dist/* isScalar */.jn)(ignored) && ignored.value === true) {
            report(ctx, ignored, `octoDNS ignores the ${type} record "${name}"; it is not read`, 'notice');
            return;
        }
        for (const key of ['included', 'excluded']) {
            const list = resolved(src, octodns.get(key, true));
            if (list !== undefined) {
                report(ctx, list, `the ${type} record "${name}" is ${key === 'included' ? 'only' : 'not'} sent to some providers (octodns.${key}); it is read as published`, 'notice');
            }
        }
    }
    for (const key of ['dynamic', 'geo']) {
        const node = record.get(key, true);
        if (node !== undefined) {
            report(ctx, resolved(src, node), `the ${key} rules of "${name}" are not read, only its values`, 'notice');
        }
    }
    let ttl;
    const ttlNode = get('ttl');
    if (ttlNode !== undefined) {
        ttl = parseUint(scalarText(ttlNode) ?? '', 2147483647);
        if (ttl === undefined) {
            report(ctx, ttlNode, `ttl must be a number of seconds, not ${octodns_describe(ttlNode)}`);
            return;
        }
    }
    const valuesNode = get('values');
    const valueNode = get('value');
    let values;
    if (valuesNode !== undefined) {
        values = (0,dist/* isSeq */.oP)(valuesNode) ? valuesNode.items.map((v) => resolved(src, v)) : [valuesNode];
    }
    else if (valueNode !== undefined) {
        values = [valueNode];
    }
    else {
        report(ctx, typeNode, `the ${type} record "${name}" has no value`);
        return;
    }
    const first = nodePosition(src, record).line;
    for (const node of values) {
        const rdata = octodns_readValue(ctx, type, node);
        if (!rdata.ok) {
            report(ctx, node, rdata.error);
            continue;
        }
        const location = at(ctx, node);
        const inline = keyLine === undefined ? [location.line, first] : [location.line, first, keyLine];
        const above = keyLine === undefined ? [first] : [first, keyLine];
        ctx.records.push({
            name: owner,
            type,
            ttl,
            data: rdata.value.data,
            parsed: rdata.value.parsed,
            zone: ctx.zone,
            location,
            relativeTarget: undefined,
            comment: commentFor(ctx.comments, inline, above),
        });
    }
}
function octodns_describe(node) {
    if ((0,dist/* isMap */.jh)(node))
        return 'a mapping';
    if ((0,dist/* isSeq */.oP)(node))
        return 'a list';
    const text = scalarText(node);
    return text === undefined ? 'nothing' : JSON.stringify(text);
}
/** A field of a mapping value, as text. */
function field(ctx, map, keys) {
    for (const key of keys) {
        const node = resolved(ctx.src, map.get(key, true));
        if (node !== undefined)
            return scalarText(node);
    }
    return undefined;
}
const ABSOLUTE = { origin: undefined, mode: 'absolute' };
/** One value of a record, in the shape octoDNS gives its type. */
function octodns_readValue(ctx, type, node) {
    const fail = (error) => ({ ok: false, error });
    const target = (kind, text) => {
        if (text === undefined || text === '')
            return { ok: false, error: `missing ${kind}` };
        if (!endsWithDot(text)) {
            return {
                ok: false,
                error: `${kind} "${text}" is missing its trailing dot; octoDNS needs fully qualified names`,
            };
        }
        return { ok: true, value: text };
    };
    if (type === 'MX' || type === 'SRV' || type === 'CAA') {
        if (!(0,dist/* isMap */.jh)(node))
            return fail(`a ${type} value is a mapping, not ${octodns_describe(node)}`);
        if (type === 'MX') {
            const preference = parseUint(field(ctx, node, ['preference', 'priority']) ?? '', 65535);
            if (preference === undefined)
                return fail('an MX value needs a preference from 0 to 65535');
            const exchange = target('MX exchange', field(ctx, node, ['exchange', 'value']));
            if (!exchange.ok)
                return exchange;
            return mxRdata(preference, exchange.value, ABSOLUTE);
        }
        if (type === 'SRV') {
            const nums = ['priority', 'weight', 'port'].map((k) => parseUint(field(ctx, node, [k]) ?? '', 65535));
            if (nums.some((n) => n === undefined)) {
                return fail('an SRV value needs priority, weight and port from 0 to 65535');
            }
            const srvTarget = target('SRV target', field(ctx, node, ['target']));
            if (!srvTarget.ok)
                return srvTarget;
            const [priority, weight, port] = nums;
            return srvRdata(priority, weight, port, srvTarget.value, ABSOLUTE);
        }
        const flags = parseUint(field(ctx, node, ['flags']) ?? '0', 255);
        const tag = field(ctx, node, ['tag']);
        const value = field(ctx, node, ['value']);
        if (flags === undefined || tag === undefined || value === undefined) {
            return fail('a CAA value needs flags (0-255), tag and value');
        }
        const quoted = txtRdata([value]).data;
        return { ok: true, value: otherRdata(`${flags} ${tag} ${quoted}`) };
    }
    if ((0,dist/* isMap */.jh)(node)) {
        // Types octoDNS keeps as mappings (SSHFP, TLSA, NAPTR, DS, LOC, URLFWD): their fields in order.
        const parts = node.items.map((p) => scalarText(resolved(ctx.src, p.value)) ?? '');
        return { ok: true, value: otherRdata(parts.join(' ')) };
    }
    const text = scalarText(node);
    if (text === undefined)
        return fail(`a ${type} value is text, not ${octodns_describe(node)}`);
    if (type === 'A' || type === 'AAAA')
        return addressRdata(type, text);
    if (TARGET_TYPES.has(type)) {
        const name = target(`${type} value`, text);
        if (!name.ok)
            return name;
        if (type === 'CNAME' || type === 'NS' || type === 'PTR')
            return targetRdata(type, name.value, ABSOLUTE);
        return { ok: true, value: otherRdata(name.value.toLowerCase()) };
    }
    if (type === 'TXT' || type === 'SPF') {
        const bare = /(?:^|[^\\]);/.exec(text);
        if (bare)
            return fail(`unescaped ";" in "${text}"; octoDNS needs "\\;"`);
        return { ok: true, value: txtRdata(chunkText(text.replace(/\\;/g, ';'))) };
    }
    return { ok: true, value: otherRdata(text) };
}
const octodns_SAMPLE_CHARS = 64 * 1024;
function detectOctodns(file) {
    if (!/\.ya?ml$/i.test(file.path))
        return 0;
    const head = file.text.slice(0, octodns_SAMPLE_CHARS);
    if (/^["']?endpoint-drift["']?\s*:/m.test(head))
        return 0;
    // A name key followed by a record: `'':` or `www:` then `type: A` (or `- type: A`).
    const record = /^\s*(?:-\s+)?type\s*:\s*['"]?(?:A|AAAA|CNAME|MX|TXT|SRV|NS|CAA|SPF|ALIAS|PTR)['"]?\s*$/m;
    if (!record.test(head))
        return 0;
    if (/^(?:''|"")\s*:/m.test(head) || /^\s+(?:-\s+)?values?\s*:/m.test(head)) {
        return zoneFromYamlName(file.path) ? 8 : 6;
    }
    return 3;
}
function renderOctodns(record, zone) {
    const owner = relativeOwner(record.name, absoluteZone(zone));
    const key = owner === '@' ? "''" : yamlScalar(owner);
    const lines = [`${key}:`, `  type: ${record.type}`];
    if (record.ttl !== undefined)
        lines.push(`  ttl: ${record.ttl}`);
    const parts = record.data.split(' ');
    if (record.type === 'MX' && parts.length === 2) {
        lines.push('  value:', `    exchange: ${parts[1]}`, `    preference: ${parts[0]}`);
    }
    else if (record.type === 'SRV' && parts.length === 4) {
        lines.push('  value:', `    port: ${parts[2]}`, `    priority: ${parts[0]}`, `    target: ${parts[3]}`, `    weight: ${parts[1]}`);
    }
    else if (record.type === 'CAA' && parts.length >= 3) {
        const value = txtStrings(parts.slice(2).join(' '))?.[0] ?? parts.slice(2).join(' ');
        lines.push('  value:', `    flags: ${parts[0]}`, `    tag: ${parts[1]}`, `    value: ${yamlScalar(value)}`);
    }
    else if (record.type === 'TXT' || record.type === 'SPF') {
        const text = (txtStrings(record.data) ?? [record.data]).join('');
        lines.push(`  value: ${yamlScalar(text.replace(/;/g, '\\;'))}`);
    }
    else {
        lines.push(`  value: ${yamlScalar(record.data)}`);
    }
    return lines.join('\n');
}
/**
 * octoDNS zone file (YAML provider). Settings: `zone` (when the file is not named after the zone,
 * e.g. `contoso.com.yaml`).
 */
const OCTODNS = {
    id: 'octodns',
    title: 'octoDNS zone (YAML)',
    filePatterns: ['*.yaml', '*.yml'],
    detect: detectOctodns,
    parse: parseOctodns,
    render: renderOctodns,
};

;// CONCATENATED MODULE: ./src/formats/format.ts

/** Firewall rules and policies: names, addresses of both families, ports and protocols, comments. */
const RULE_CAPABILITIES = {
    hosts: true,
    ips: true,
    ipv6: true,
    ports: true,
    protocols: true,
    comments: true,
};
/** Packet filters: addresses of both families with ports and protocols, but no names. */
const PACKET_FILTER_CAPABILITIES = {
    ...RULE_CAPABILITIES,
    hosts: false,
};
/** Lists of names and addresses, one per line, with comments but no ports. */
const LIST_CAPABILITIES = {
    ...RULE_CAPABILITIES,
    ports: false,
    protocols: false,
};
const AUTO = 'auto';
/**
 * An explicit id, or with 'auto' the most confident detector (ties: the list's order). Errors
 * list the supported ids. `kind` names the family in messages ("format", "DNS format").
 */
function pickFormat(formats, file, id, kind) {
    const ids = formats.map((f) => f.id);
    if (id !== AUTO) {
        const format = formats.find((f) => f.id === id);
        if (format)
            return { format };
        return {
            error: `unknown ${kind} "${id}"${didYouMean(id, ids)} (supported: ${[AUTO, ...ids].join(', ')})`,
        };
    }
    let best;
    let bestScore = 0;
    for (const format of formats) {
        const score = format.detect(file);
        if (score > bestScore) {
            best = format;
            bestScore = score;
        }
    }
    if (best)
        return { format: best };
    return {
        error: `cannot tell the ${kind} of "${file.path}"; set its format to one of: ${ids.join(', ')}`,
    };
}

;// CONCATENATED MODULE: ./src/formats/syntax/hcl.ts


const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PUNCT3 = new Set(['...']);
const PUNCT2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '::']);
const PUNCT1 = '{}[]()=:,.?!+-*/%<>~';
const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;
/** Deep enough for any real file; deeper input is refused rather than allowed to exhaust the stack. */
const hcl_MAX_DEPTH = 256;
function isIdStart(c, text, i) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)
        return true;
    return c > 127 && ID_START.test(String.fromCodePoint(text.codePointAt(i)));
}
function isIdContinue(c, text, i) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)
        return true;
    return c > 127 && ID_CONTINUE.test(String.fromCodePoint(text.codePointAt(i)));
}
function isHex(s) {
    return /^[0-9a-fA-F]+$/.test(s);
}
/** How a token reads in a message. */
function describeToken(t) {
    switch (t.kind) {
        case 'newline':
            return 'the end of the line';
        case 'eof':
            return 'the end of the file';
        case 'quote':
            return 'a string';
        case 'heredoc':
            return 'a heredoc';
        default:
            return JSON.stringify(t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text);
    }
}
class Parser {
    text;
    problems = [];
    comments = [];
    #lines;
    #pos = 0;
    #limit;
    #tok;
    #tok2;
    #depth = 0;
    #silent = 0;
    #aborted = false;
    constructor(text) {
        this.text = text;
        this.#limit = text.length;
        this.#lines = new TextPositions(text);
    }
    position(offset) {
        return { offset, ...this.#lines.at(offset) };
    }
    error(offset, message) {
        if (this.#silent > 0 || this.#aborted)
            return;
        this.problems.push({ message, start: this.position(offset) });
    }
    // Tokens ────────────────────────────────────────────────────────────────────────────────────
    #lex() {
        const text = this.text;
        const limit = this.#limit;
        for (;;) {
            let i = this.#pos;
            if (this.#aborted || i >= limit)
                return { kind: 'eof', start: limit, end: limit, text: '' };
            const c = text.charCodeAt(i);
            if (c === 32 || c === 9 || c === 13) {
                this.#pos = i + 1;
                continue;
            }
            if (c === 10) {
                this.#pos = i + 1;
                return { kind: 'newline', start: i, end: i + 1, text: '\n' };
            }
            if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)) {
                let end = text.indexOf('\n', i);
                if (end < 0 || end > limit)
                    end = limit;
                this.#comment(i, text.slice(i + (c === 35 ? 1 : 2), end));
                this.#pos = end;
                continue;
            }
            if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
                let end = text.indexOf('*/', i + 2);
                if (end < 0 || end + 2 > limit) {
                    this.error(i, 'unterminated comment: "*/" is missing');
                    end = limit;
                    this.#comment(i, text.slice(i + 2, end));
                    this.#pos = end;
                }
                else {
                    this.#comment(i, text.slice(i + 2, end));
                    this.#pos = end + 2;
                }
                continue;
            }
            const start = i;
            if (isIdStart(c, text, i)) {
                i += c > 0xffff || (c >= 0xd800 && c <= 0xdbff) ? 2 : 1;
                while (i < limit) {
                    const d = text.charCodeAt(i);
                    if (!isIdContinue(d, text, i))
                        break;
                    i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
                }
                this.#pos = i;
                return { kind: 'ident', start, end: i, text: text.slice(start, i) };
            }
            if (c >= 48 && c <= 57) {
                NUMBER.lastIndex = i;
                NUMBER.test(text);
                const end = Math.min(NUMBER.lastIndex, limit);
                this.#pos = end;
                return { kind: 'number', start, end, text: text.slice(start, end) };
            }
            if (c === 34 /* " */) {
                this.#pos = i + 1;
                return { kind: 'quote', start, end: i + 1, text: '"' };
            }
            if (c === 60 /* < */ && text.charCodeAt(i + 1) === 60) {
                const heredoc = this.#heredoc(i);
                if (heredoc)
                    return heredoc;
            }
            const three = text.slice(i, i + 3);
            const two = three.slice(0, 2);
            const len = PUNCT3.has(three) ? 3 : PUNCT2.has(two) ? 2 : PUNCT1.includes(text[i]) ? 1 : 0;
            if (len > 0 && i + len <= limit) {
                this.#pos = i + len;
                return { kind: 'punct', start, end: i + len, text: text.slice(i, i + len) };
            }
            const width = c >= 0xd800 && c <= 0xdbff && i + 1 < limit ? 2 : 1;
            this.#pos = i + width;
            return { kind: 'invalid', start, end: i + width, text: text.slice(i, i + width) };
        }
    }
    #comment(start, body) {
        const text = this.text;
        let j = start - 1;
        while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9))
            j--;
        const ownLine = j < 0 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
        const pos = this.position(start);
        this.comments.push({ text: body.trim(), line: pos.line, column: pos.column, ownLine });
    }
    /** `<<EOF` or `<<-EOF` at the end of a line; undefined when the text at `i` is not one. */
    #heredoc(i) {
        const text = this.text;
        const m = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
        m.lastIndex = i;
        const found = m.exec(text);
        if (!found || m.lastIndex > this.#limit)
            return undefined;
        const marker = found[2];
        const contentStart = m.lastIndex;
        let lineStart = contentStart;
        let contentEnd = this.#limit;
        let closeEnd = this.#limit;
        while (lineStart < this.#limit) {
            let lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > this.#limit)
                lineEnd = this.#limit;
            if (text.slice(lineStart, lineEnd).trim() === marker) {
                contentEnd = lineStart;
                closeEnd = text.indexOf(marker, lineStart) + marker.length;
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (closeEnd === this.#limit && contentEnd === this.#limit)
            this.error(i, `unterminated heredoc: no line reads "${marker}"`);
        this.#pos = closeEnd;
        return {
            kind: 'heredoc',
            start: i,
            end: closeEnd,
            text: found[0].trimEnd(),
            heredoc: { contentStart, contentEnd, flush: found[1] === '-' },
        };
    }
    peek() {
        return (this.#tok ??= this.#lex());
    }
    /** The token after the next one; only used after an identifier, so no string is being read. */
    peek2() {
        this.peek();
        return (this.#tok2 ??= this.#lex());
    }
    next() {
        const t = this.peek();
        this.#tok = this.#tok2;
        this.#tok2 = undefined;
        return t;
    }
    /** The next token, newlines skipped (inside brackets, parentheses and interpolations). */
    peekSkip() {
        let t = this.peek();
        while (t.kind === 'newline') {
            this.next();
            t = this.peek();
        }
        return t;
    }
    isPunct(t, p) {
        return t.kind === 'punct' && t.text === p;
    }
    #enter(offset) {
        if (++this.#depth <= hcl_MAX_DEPTH)
            return true;
        if (!this.#aborted) {
            this.error(offset, `nested more than ${hcl_MAX_DEPTH} levels deep; the rest of the file is not read`);
            this.#aborted = true;
            this.#tok = this.#tok2 = undefined;
        }
        return false;
    }
    #leave() {
        this.#depth--;
    }
    // Bodies ────────────────────────────────────────────────────────────────────────────────────
    body(closing) {
        const items = [];
        for (;;) {
            const t = this.peek();
            if (t.kind === 'newline') {
                this.next();
                continue;
            }
            if (t.kind === 'eof') {
                if (closing && !this.#aborted)
                    this.error(closing.offset, `the block opened here is not closed: "}" is missing`);
                return { items };
            }
            if (this.isPunct(t, '}')) {
                if (closing)
                    return { items };
                this.error(t.start, 'unexpected "}" outside a block');
                this.next();
                continue;
            }
            if (t.kind === 'ident') {
                const item = this.#item();
                if (item)
                    items.push(item);
                continue;
            }
            this.error(t.start, `expected an attribute or a block, found ${describeToken(t)}`);
            this.#skipLine();
        }
    }
    #item() {
        const name = this.next();
        const start = this.position(name.start);
        const t = this.peek();
        if (this.isPunct(t, '=')) {
            this.next();
            const expression = this.expression();
            const item = {
                kind: 'attribute',
                name: name.text,
                expression,
                start,
                end: expression.end,
            };
            // A value that could not be read has been reported; the rest of its line says nothing new.
            if (expression.kind === 'invalid')
                this.#skipLine();
            else
                this.#lineEnd(`the value of "${name.text}"`);
            return item;
        }
        if (t.kind === 'quote' || t.kind === 'ident' || this.isPunct(t, '{')) {
            const labels = [];
            for (let l = this.peek(); l.kind === 'quote' || l.kind === 'ident'; l = this.peek()) {
                this.next();
                if (l.kind === 'ident') {
                    labels.push({ value: l.text, start: this.position(l.start) });
                    continue;
                }
                const label = this.template(l.start);
                const value = templateText(label);
                if (value === undefined)
                    this.error(l.start, 'a block label cannot contain "${" or "%{"');
                labels.push({ value: value ?? '', start: label.contentStart });
            }
            const open = this.peek();
            if (!this.isPunct(open, '{')) {
                this.error(open.start, `expected "{" to open the block "${name.text}", found ${describeToken(open)}`);
                this.#skipLine();
                return undefined;
            }
            this.next();
            if (!this.#enter(open.start))
                return undefined;
            const body = this.body(this.position(open.start));
            this.#leave();
            const close = this.peek();
            let end = close.start;
            if (this.isPunct(close, '}')) {
                this.next();
                end = close.end;
                this.#lineEnd(`the block "${name.text}"`);
            }
            return { kind: 'block', type: name.text, labels, body, start, end };
        }
        this.error(t.start, `expected "=" or "{" after "${name.text}", found ${describeToken(t)}`);
        this.#skipLine();
        return undefined;
    }
    /** After an attribute or a block: the end of the line (or the `}` of a one-line block). */
    #lineEnd(what) {
        const t = this.peek();
        if (t.kind === 'newline')
            this.next();
        else if (t.kind !== 'eof' && !this.isPunct(t, '}')) {
            this.error(t.start, `expected a new line after ${what}, found ${describeToken(t)}`);
            this.#skipLine();
        }
    }
    /** Recovery: drops tokens up to the end of the line, across brackets; stops before a `}` that closes the enclosing block. */
    #skipLine() {
        this.#silent++;
        let depth = 0;
        for (;;) {
            const t = this.peek();
            if (t.kind === 'eof')
                break;
            if (t.kind === 'newline' && depth === 0) {
                this.next();
                break;
            }
            if (t.kind === 'punct') {
                if (t.text === '{' || t.text === '[' || t.text === '(')
                    depth++;
                else if (t.text === '}' || t.text === ']' || t.text === ')') {
                    if (depth === 0 && t.text === '}')
                        break;
                    if (depth > 0)
                        depth--;
                }
            }
            this.next();
            if (t.kind === 'quote')
                this.template(t.start);
        }
        this.#silent--;
    }
    // Expressions ───────────────────────────────────────────────────────────────────────────────
    expression() {
        const start = this.peek().start;
        if (!this.#enter(start))
            return this.#invalid(start);
        const condition = this.#binary(0);
        let result = condition;
        if (this.isPunct(this.peek(), '?')) {
            this.next();
            this.peekSkip();
            const yes = this.expression();
            const colon = this.peekSkip();
            let end = yes.end;
            if (this.isPunct(colon, ':')) {
                this.next();
                this.peekSkip();
                end = this.expression().end;
            }
            else
                this.error(colon.start, `expected ":" in a conditional, found ${describeToken(colon)}`);
            result = { kind: 'conditional', start: condition.start, end };
        }
        this.#leave();
        return result;
    }
    #binary(level) {
        const ops = BINARY[level];
        if (!ops)
            return this.#unary();
        let left = this.#binary(level + 1);
        for (let t = this.peek(); t.kind === 'punct' && ops.includes(t.text); t = this.peek()) {
            this.next();
            this.peekSkip();
            const right = this.#binary(level + 1);
            left = { kind: 'operation', start: left.start, end: right.end };
        }
        return left;
    }
    #unary() {
        const t = this.peek();
        if (this.isPunct(t, '-') || this.isPunct(t, '!')) {
            this.next();
            if (!this.#enter(t.start))
                return this.#invalid(t.start);
            const operand = this.#unary();
            this.#leave();
            return { kind: 'operation', start: this.position(t.start), end: operand.end };
        }
        return this.#postfix(this.#primary());
    }
    #postfix(expr) {
        const steps = [];
        let end = expr.end;
        for (;;) {
            const t = this.peek();
            if (this.isPunct(t, '.')) {
                this.next();
                const n = this.peek();
                if (n.kind === 'ident')
                    steps.push({ kind: 'attr', name: n.text });
                else if (n.kind === 'number' && /^\d+$/.test(n.text))
                    steps.push({ kind: 'index', key: this.#number(n) });
                else if (this.isPunct(n, '*'))
                    steps.push({ kind: 'splat' });
                else {
                    this.error(n.start, `expected an attribute name after ".", found ${describeToken(n)}`);
                    break;
                }
                this.next();
                end = n.end;
                continue;
            }
            if (this.isPunct(t, '[')) {
                this.next();
                const inner = this.peekSkip();
                if (this.isPunct(inner, '*')) {
                    this.next();
                    steps.push({ kind: 'splat' });
                }
                else
                    steps.push({ kind: 'index', key: this.expression() });
                const close = this.peekSkip();
                if (this.isPunct(close, ']')) {
                    this.next();
                    end = close.end;
                }
                else {
                    this.error(close.start, `expected "]" to close the index, found ${describeToken(close)}`);
                    end = close.start;
                    break;
                }
                continue;
            }
            break;
        }
        if (steps.length === 0)
            return expr;
        if (expr.kind === 'traversal')
            return { ...expr, steps: [...expr.steps, ...steps], end };
        return { kind: 'traversal', root: expr, steps, start: expr.start, end };
    }
    #number(t) {
        return { kind: 'literal', value: Number(t.text), start: this.position(t.start), end: t.end };
    }
    #invalid(offset) {
        return { kind: 'invalid', start: this.position(offset), end: offset };
    }
    #primary() {
        const t = this.peek();
        switch (t.kind) {
            case 'number':
                this.next();
                return this.#number(t);
            case 'quote':
                this.next();
                return this.template(t.start);
            case 'heredoc':
                this.next();
                return this.#heredocTemplate(t);
            case 'ident':
                return this.#identifier();
            case 'punct':
                if (t.text === '[')
                    return this.#tuple();
                if (t.text === '{')
                    return this.#object();
                if (t.text === '(') {
                    this.next();
                    this.peekSkip();
                    const inner = this.expression();
                    const close = this.peekSkip();
                    if (this.isPunct(close, ')'))
                        this.next();
                    else
                        this.error(close.start, `expected ")", found ${describeToken(close)}`);
                    return { ...inner, start: this.position(t.start), end: close.end };
                }
                break;
        }
        this.error(t.start, `expected a value, found ${describeToken(t)}`);
        return this.#invalid(t.start);
    }
    #identifier() {
        const t = this.next();
        const start = this.position(t.start);
        if (t.text === 'true' || t.text === 'false')
            return { kind: 'literal', value: t.text === 'true', start, end: t.end };
        if (t.text === 'null')
            return { kind: 'literal', value: null, start, end: t.end };
        let name = t.text;
        while (this.isPunct(this.peek(), '::')) {
            this.next();
            const part = this.peek();
            if (part.kind !== 'ident') {
                this.error(part.start, `expected a function name after "::", found ${describeToken(part)}`);
                return { kind: 'invalid', start, end: part.start };
            }
            this.next();
            name += `::${part.text}`;
        }
        if (this.isPunct(this.peek(), '('))
            return this.#call(name, start);
        if (name.includes('::')) {
            const n = this.peek();
            this.error(n.start, `expected "(" after the function name "${name}", found ${describeToken(n)}`);
        }
        return { kind: 'traversal', root: name, steps: [], start, end: t.end };
    }
    #call(name, start) {
        this.next();
        const args = [];
        let expandFinal = false;
        for (;;) {
            const t = this.peekSkip();
            if (this.isPunct(t, ')')) {
                this.next();
                return { kind: 'call', name, args, expandFinal, start, end: t.end };
            }
            if (t.kind === 'eof') {
                this.error(start.offset, `the call of "${name}" is not closed: ")" is missing`);
                return { kind: 'call', name, args, expandFinal, start, end: t.start };
            }
            const before = t.start;
            args.push(this.expression());
            const sep = this.peekSkip();
            if (this.isPunct(sep, '...')) {
                this.next();
                expandFinal = true;
            }
            const after = this.peekSkip();
            if (this.isPunct(after, ','))
                this.next();
            else if (!this.isPunct(after, ')') && after.kind !== 'eof') {
                this.error(after.start, `expected "," or ")" in the call of "${name}", found ${describeToken(after)}`);
                if (after.start === before)
                    this.next();
                return { kind: 'call', name, args, expandFinal, start, end: after.start };
            }
        }
    }
    #isFor() {
        const t = this.peekSkip();
        return t.kind === 'ident' && t.text === 'for' && this.peek2().kind === 'ident';
    }
    /** `[for ...]` or `{for ...}`: read to the closing bracket and kept as a shape. */
    #for(open, close) {
        for (;;) {
            const t = this.peekSkip();
            if (t.kind === 'eof') {
                this.error(open.start, `the "for" expression is not closed: "${close}" is missing`);
                return { kind: 'for', start: this.position(open.start), end: t.start };
            }
            if (this.isPunct(t, close)) {
                this.next();
                return { kind: 'for', start: this.position(open.start), end: t.end };
            }
            if (t.kind === 'punct' && (t.text === ']' || t.text === '}' || t.text === ')')) {
                this.error(t.start, `expected "${close}" to close the "for" expression, found ${describeToken(t)}`);
                return { kind: 'for', start: this.position(open.start), end: t.start };
            }
            if (t.kind === 'punct' &&
                (t.text === ':' || t.text === '=>' || t.text === ',' || t.text === '...')) {
                this.next();
                continue;
            }
            if (t.kind === 'ident' && (t.text === 'for' || t.text === 'in' || t.text === 'if')) {
                this.next();
                continue;
            }
            const before = t.start;
            this.expression();
            if (this.peek().start === before)
                this.next();
        }
    }
    #tuple() {
        const open = this.next();
        if (this.#isFor())
            return this.#for(open, ']');
        const items = [];
        for (;;) {
            const t = this.peekSkip();
            if (this.isPunct(t, ']')) {
                this.next();
                return { kind: 'tuple', items, start: this.position(open.start), end: t.end };
            }
            if (t.kind === 'eof' || this.isPunct(t, '}') || this.isPunct(t, ')')) {
                this.error(t.start, `expected "]" to close the list opened at line ${this.position(open.start).line}, found ${describeToken(t)}`);
                return { kind: 'tuple', items, start: this.position(open.start), end: t.start };
            }
            const before = t.start;
            items.push(this.expression());
            const sep = this.peekSkip();
            if (this.isPunct(sep, ','))
                this.next();
            else if (!this.isPunct(sep, ']') && sep.kind !== 'eof') {
                this.error(sep.start, `expected "," or "]" in a list, found ${describeToken(sep)}`);
                if (sep.start === before || sep.kind === 'invalid')
                    this.next();
            }
        }
    }
    #object() {
        const open = this.next();
        if (this.#isFor())
            return this.#for(open, '}');
        const items = [];
        for (;;) {
            const t = this.peekSkip();
            if (this.isPunct(t, '}')) {
                this.next();
                return { kind: 'object', items, start: this.position(open.start), end: t.end };
            }
            if (t.kind === 'eof' || this.isPunct(t, ']') || this.isPunct(t, ')')) {
                this.error(t.start, `expected "}" to close the object opened at line ${this.position(open.start).line}, found ${describeToken(t)}`);
                return { kind: 'object', items, start: this.position(open.start), end: t.start };
            }
            const before = t.start;
            const key = this.expression();
            const eq = this.peek();
            if (this.isPunct(eq, '=') || this.isPunct(eq, ':')) {
                this.next();
                this.peekSkip();
                items.push({ key, value: this.expression() });
            }
            else {
                this.error(eq.start, `expected "=" after an object key, found ${describeToken(eq)}`);
                if (eq.start === before || eq.kind === 'invalid')
                    this.next();
                continue;
            }
            const sep = this.peek();
            if (this.isPunct(sep, ',') || sep.kind === 'newline')
                this.next();
            else if (!this.isPunct(sep, '}') && sep.kind !== 'eof') {
                this.error(sep.start, `expected "," or a new line between object items, found ${describeToken(sep)}`);
                this.next();
            }
        }
    }
    // Templates ─────────────────────────────────────────────────────────────────────────────────
    /** A quoted template; the opening quote at `quote` has been read. */
    template(quote) {
        return this.#templateBody(quote, this.#pos, false, false);
    }
    #heredocTemplate(t) {
        const { contentStart, contentEnd, flush } = t.heredoc;
        const savedLimit = this.#limit;
        const resume = this.#pos;
        this.#limit = contentEnd;
        this.#tok = this.#tok2 = undefined;
        const template = this.#templateBody(t.start, contentStart, true, flush);
        this.#limit = savedLimit;
        this.#pos = Math.max(resume, this.#pos);
        this.#tok = this.#tok2 = undefined;
        return { ...template, end: t.end };
    }
    #templateBody(start, from, heredoc, flush) {
        const text = this.text;
        const parts = [];
        // The current run of text starts at `run`; `literal` holds it decoded up to `chunk`.
        let literal = '';
        let run = from;
        let chunk = from;
        let i = from;
        let end = -1;
        while (end < 0) {
            if (i >= this.#limit) {
                if (!heredoc)
                    this.error(start, 'unterminated string: the closing quote is missing');
                const upTo = Math.min(i, this.#limit);
                this.#pushText(parts, literal + text.slice(chunk, upTo), run, upTo);
                end = this.#limit;
                break;
            }
            const c = text.charCodeAt(i);
            if (!heredoc && c === 34) {
                this.#pushText(parts, literal + text.slice(chunk, i), run, i);
                end = i + 1;
                break;
            }
            if (!heredoc && c === 10) {
                this.error(start, 'unterminated string: the closing quote is missing');
                const upTo = text.charCodeAt(i - 1) === 13 ? Math.max(run, i - 1) : i;
                this.#pushText(parts, literal + text.slice(chunk, upTo), run, upTo);
                end = i;
                break;
            }
            if (!heredoc && c === 92 /* \ */) {
                literal += text.slice(chunk, i);
                const e = text[i + 1] ?? '';
                const simple = ESCAPES[e];
                if (simple !== undefined) {
                    literal += simple;
                    i += 2;
                }
                else if (e === 'u' || e === 'U') {
                    const n = e === 'u' ? 4 : 8;
                    const hex = text.slice(i + 2, i + 2 + n);
                    const code = hex.length === n && isHex(hex) ? parseInt(hex, 16) : NaN;
                    if (code <= 0x10ffff) {
                        literal += String.fromCodePoint(code);
                        i += 2 + n;
                    }
                    else {
                        this.error(i, `invalid escape "${text.slice(i, i + 2 + n).replace(/[\r\n"].*$/s, '')}" in a string`);
                        i += 2;
                    }
                }
                else {
                    this.error(i, `invalid escape "\\${e === '\n' || e === '\r' ? '' : e}" in a string`);
                    literal += e === '\n' || e === '\r' ? '' : e;
                    i += e === '\n' || e === '\r' || e === '' ? 1 : 2;
                }
                chunk = i;
                continue;
            }
            const next = text.charCodeAt(i + 1);
            if ((c === 36 /* $ */ || c === 37) /* % */ && next === c && text.charCodeAt(i + 2) === 123) {
                // `$${` and `%%{` are the escapes for a literal `${` and `%{`.
                literal += text.slice(chunk, i) + (c === 36 ? '${' : '%{');
                i += 3;
                chunk = i;
                continue;
            }
            if ((c === 36 || c === 37) && next === 123 /* { */) {
                this.#pushText(parts, literal + text.slice(chunk, i), run, i);
                literal = '';
                const open = i;
                this.#pos = i + 2;
                if (text.charCodeAt(this.#pos) === 126 /* ~ */)
                    this.#pos++;
                this.#tok = this.#tok2 = undefined;
                const part = c === 36 ? this.#interpolation(open) : this.#directive(open);
                if (part)
                    parts.push(part);
                i = this.#pos;
                chunk = run = i;
                if (this.#closedByQuote) {
                    this.#closedByQuote = false;
                    end = i;
                }
                continue;
            }
            i++;
        }
        if (heredoc && flush)
            stripIndent(parts);
        this.#pos = Math.max(end, i);
        return {
            kind: 'template',
            heredoc,
            contentStart: this.position(from),
            parts,
            start: this.position(start),
            end,
        };
    }
    /** A run of template text from `run` to `upTo`, decoded as `value`; nothing for an empty run. */
    #pushText(parts, value, run, upTo) {
        if (upTo > run)
            parts.push({ kind: 'text', value, start: this.position(run) });
    }
    /** Set when an unclosed interpolation ran into the string's closing quote. */
    #closedByQuote = false;
    #interpolation(open) {
        this.peekSkip();
        const expression = this.expression();
        let close = this.peekSkip();
        if (this.isPunct(close, '~')) {
            this.next();
            close = this.peekSkip();
        }
        const start = this.position(open);
        if (this.isPunct(close, '}')) {
            this.#tok = this.#tok2 = undefined;
            this.#pos = close.end;
            return { kind: 'interpolation', expression, start, end: close.end };
        }
        this.error(close.start, `expected "}" to close the "\${" at line ${start.line}, column ${start.column}, found ${describeToken(close)}`);
        this.#tok = this.#tok2 = undefined;
        if (close.kind === 'quote') {
            this.#closedByQuote = true;
            this.#pos = close.end;
        }
        else
            this.#pos = close.kind === 'eof' ? this.#limit : close.start;
        return { kind: 'interpolation', expression, start, end: close.start };
    }
    /** `%{ if … }`, `%{ for … }`, `%{ endif }`: kept as a shape. */
    #directive(open) {
        const keyword = this.peekSkip();
        let depth = 0;
        for (;;) {
            const t = this.peekSkip();
            if (t.kind === 'eof') {
                this.error(open, 'the "%{" directive is not closed: "}" is missing');
                this.#tok = this.#tok2 = undefined;
                this.#pos = this.#limit;
                return {
                    kind: 'directive',
                    keyword: keyword.text,
                    start: this.position(open),
                    end: t.start,
                };
            }
            this.next();
            if (t.kind === 'quote')
                this.template(t.start);
            else if (this.isPunct(t, '{'))
                depth++;
            else if (this.isPunct(t, '}')) {
                if (depth === 0) {
                    this.#tok = this.#tok2 = undefined;
                    this.#pos = t.end;
                    return {
                        kind: 'directive',
                        keyword: keyword.text,
                        start: this.position(open),
                        end: t.end,
                    };
                }
                depth--;
            }
        }
    }
}
const BINARY = [
    ['||'],
    ['&&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['+', '-'],
    ['*', '/', '%'],
];
const ESCAPES = {
    n: '\n',
    r: '\r',
    t: '\t',
    '"': '"',
    '\\': '\\',
};
/** `<<-` heredocs lose the indentation that all their lines share. */
function stripIndent(parts) {
    let indent = Infinity;
    const texts = parts.filter((p) => p.kind === 'text');
    for (const p of texts) {
        const lines = p.value.split('\n');
        lines.forEach((line, n) => {
            if (n === 0 && p !== parts[0])
                return;
            if (line.trim() === '')
                return;
            indent = Math.min(indent, /^[ \t]*/.exec(line)[0].length);
        });
    }
    if (!Number.isFinite(indent) || indent === 0)
        return;
    for (let k = 0; k < parts.length; k++) {
        const p = parts[k];
        if (p.kind !== 'text')
            continue;
        const lines = p.value
            .split('\n')
            .map((line, n) => n === 0 && k !== 0 ? line : line.slice(Math.min(indent, /^[ \t]*/.exec(line)[0].length)));
        parts[k] = { ...p, value: lines.join('\n') };
    }
}
/** The text of a template without interpolations or directives; undefined otherwise. */
function templateText(t) {
    let out = '';
    for (const p of t.parts) {
        if (p.kind !== 'text')
            return undefined;
        out += p.value;
    }
    return out;
}
/** Reads HCL2 native syntax. Never throws: problems are collected with their positions. */
function parseHcl(input) {
    const text = withoutBom(input);
    const parser = new Parser(text);
    const body = parser.body(undefined);
    const comments = parser.comments;
    let trailing;
    let ownLine;
    const index = () => {
        trailing = new Map();
        ownLine = new Map();
        for (const c of comments) {
            if (c.ownLine)
                ownLine.set(c.line, c.text);
            else
                trailing.set(c.line, c.text);
        }
    };
    return {
        text,
        body,
        comments,
        problems: parser.problems,
        position: (offset) => parser.position(offset),
        commentFor(startLine, endLine) {
            if (!trailing)
                index();
            const inline = trailing.get(endLine);
            if (inline)
                return inline;
            const above = [];
            for (let line = startLine - 1; ownLine.has(line); line--) {
                const c = ownLine.get(line);
                if (isMeaningfulComment(c))
                    above.unshift(c);
            }
            return above.length > 0 ? above.join('\n') : undefined;
        },
        source(node, max = 80) {
            const s = text.slice(node.start.offset, node.end).replace(/\s*\n\s*/g, ' ');
            return s.length > max ? `${s.slice(0, max - 1)}…` : s;
        },
    };
}
// ── body helpers ─────────────────────────────────────────────────────────────────────────────
function attributeOf(body, name) {
    for (const item of body.items)
        if (item.kind === 'attribute' && item.name === name)
            return item;
    return undefined;
}
function blocksOf(body, type) {
    const out = [];
    for (const item of body.items)
        if (item.kind === 'block' && item.type === type)
            out.push(item);
    return out;
}
/** Converts plain data (from a config file) into a value written at `start`. */
function valueFromData(data, start) {
    if (typeof data === 'string')
        return { kind: 'string', value: data, start };
    if (typeof data === 'number')
        return { kind: 'number', value: data, start };
    if (typeof data === 'boolean')
        return { kind: 'bool', value: data, start };
    if (data === null)
        return { kind: 'null', start };
    if (Array.isArray(data)) {
        const items = [];
        for (const d of data) {
            const v = valueFromData(d, start);
            if (!v)
                return undefined;
            items.push(v);
        }
        return { kind: 'list', items, start };
    }
    if (typeof data === 'object') {
        const entries = new Map();
        for (const [k, d] of Object.entries(data)) {
            const v = valueFromData(d, start);
            if (!v)
                return undefined;
            entries.set(k, v);
        }
        return { kind: 'object', entries, start };
    }
    return undefined;
}
function unknown(message, start) {
    return { kind: 'unknown', message, start };
}
/** Evaluates the literal part of HCL: strings, templates, lists, objects, references the scope knows, a few pure functions. */
function evaluate(doc, expr, scope) {
    switch (expr.kind) {
        case 'literal':
            if (expr.value === null)
                return { kind: 'null', start: expr.start };
            return typeof expr.value === 'number'
                ? { kind: 'number', value: expr.value, start: expr.start }
                : { kind: 'bool', value: expr.value, start: expr.start };
        case 'template': {
            let out = '';
            for (const p of expr.parts) {
                if (p.kind === 'text')
                    out += p.value;
                else if (p.kind === 'directive')
                    return cannot(doc, { start: p.start, end: p.end });
                else {
                    const v = evaluate(doc, p.expression, scope);
                    if (v.kind === 'unknown')
                        return v;
                    const s = hcl_scalarText(v);
                    if (s === undefined)
                        return unknown(`"${doc.source(p.expression, 60)}" is not a string`, p.start);
                    out += s;
                }
            }
            return { kind: 'string', value: out, start: expr.contentStart };
        }
        case 'tuple':
            return {
                kind: 'list',
                items: expr.items.map((e) => evaluate(doc, e, scope)),
                start: expr.start,
            };
        case 'object': {
            const entries = new Map();
            for (const { key, value } of expr.items) {
                const k = key.kind === 'traversal' && typeof key.root === 'string' && key.steps.length === 0
                    ? key.root
                    : hcl_scalarText(evaluate(doc, key, scope));
                if (k === undefined)
                    return cannot(doc, expr);
                entries.set(k, evaluate(doc, value, scope));
            }
            return { kind: 'object', entries, start: expr.start };
        }
        case 'traversal': {
            let value;
            let steps = expr.steps;
            if (typeof expr.root === 'string') {
                const found = scope(expr);
                value = found.value;
                steps = steps.slice(found.used);
            }
            else
                value = evaluate(doc, expr.root, scope);
            for (const step of steps) {
                if (value.kind === 'unknown')
                    return value;
                const next = stepInto(doc, value, step, scope);
                if (!next)
                    return unknown(`cannot resolve "${doc.source(expr, 60)}"`, expr.start);
                value = next;
            }
            return value;
        }
        case 'call':
            return callFunction(doc, expr, scope) ?? cannot(doc, expr);
        default:
            return cannot(doc, expr);
    }
}
function cannot(doc, node) {
    return unknown(`cannot evaluate "${doc.source(node, 60)}"`, node.start);
}
function stepInto(doc, value, step, scope) {
    if (step.kind === 'splat')
        return undefined;
    let key;
    if (step.kind === 'attr')
        key = step.name;
    else {
        const k = evaluate(doc, step.key, scope);
        if (k.kind === 'unknown')
            return k;
        key = k.kind === 'number' ? k.value : k.kind === 'string' ? k.value : undefined;
    }
    if (value.kind === 'object' && key !== undefined)
        return value.entries.get(String(key));
    if (value.kind === 'list' && typeof key === 'number')
        return value.items[key];
    if (value.kind === 'list' && typeof key === 'string' && /^\d+$/.test(key))
        return value.items[Number(key)];
    return undefined;
}
function hcl_scalarText(v) {
    if (v.kind === 'string')
        return v.value;
    if (v.kind === 'number')
        return String(v.value);
    if (v.kind === 'bool')
        return String(v.value);
    return undefined;
}
/** The few functions that allowlists use to assemble lists; anything else stays unknown. */
function callFunction(doc, call, scope) {
    if (call.expandFinal)
        return undefined;
    const args = call.args.map((a) => evaluate(doc, a, scope));
    const bad = args.find((a) => a.kind === 'unknown');
    if (bad)
        return bad;
    const start = call.start;
    const lists = () => args.every((a) => a.kind === 'list')
        ? args
        : undefined;
    const strings = () => {
        const out = args.map(hcl_scalarText);
        return out.every((s) => s !== undefined) ? out : undefined;
    };
    switch (call.name) {
        case 'concat': {
            const ls = lists();
            return ls && { kind: 'list', items: ls.flatMap((l) => l.items), start };
        }
        case 'flatten': {
            if (args.length !== 1 || args[0].kind !== 'list')
                return undefined;
            const flat = (v) => (v.kind === 'list' ? v.items.flatMap(flat) : [v]);
            return { kind: 'list', items: flat(args[0]), start };
        }
        case 'tolist':
        case 'toset':
        case 'distinct':
        case 'compact': {
            if (args.length !== 1 || args[0].kind !== 'list')
                return undefined;
            let items = args[0].items;
            if (call.name === 'compact')
                items = items.filter((v) => !(v.kind === 'string' && v.value === '') && v.kind !== 'null');
            if (call.name !== 'tolist') {
                const seen = new Set();
                items = items.filter((v) => {
                    const k = v.kind === 'string' ? `s:${v.value}` : undefined;
                    if (k === undefined)
                        return true;
                    if (seen.has(k))
                        return false;
                    seen.add(k);
                    return true;
                });
            }
            return { kind: 'list', items, start };
        }
        case 'lower':
        case 'upper':
        case 'trimspace':
        case 'tostring': {
            const s = strings();
            if (!s || s.length !== 1)
                return undefined;
            const v = s[0];
            const value = call.name === 'lower'
                ? v.toLowerCase()
                : call.name === 'upper'
                    ? v.toUpperCase()
                    : call.name === 'trimspace'
                        ? v.trim()
                        : v;
            return { kind: 'string', value, start: args[0].start };
        }
        case 'join': {
            const sep = args[0] && hcl_scalarText(args[0]);
            const rest = args.slice(1);
            if (sep === undefined || !rest.every((a) => a.kind === 'list'))
                return undefined;
            const parts = rest.flatMap((a) => a.items.map(hcl_scalarText));
            if (parts.some((p) => p === undefined))
                return undefined;
            return { kind: 'string', value: parts.join(sep), start };
        }
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/formats/syntax/terraform.ts


/** Longest chain of locals and variable defaults followed before giving up. */
const MAX_REFERENCE_DEPTH = 64;
/**
 * Reads `text` as Terraform. `settings.variables` gives values of input variables (strings, numbers,
 * lists, maps); a variable not given there takes its `default` from the same file, if any.
 * `local.*` comes from the file's `locals` blocks.
 */
function readTerraformSource(file, settings) {
    const notText = notTextProblem(file);
    if (notText)
        return notText;
    const doc = parseHcl(file.text);
    const problems = [];
    const at = (pos) => ({
        file: file.path,
        line: pos.line,
        column: pos.column,
    });
    for (const p of doc.problems)
        problems.push({ location: at(p.start), message: `invalid HCL: ${p.message}` });
    const given = settings?.variables;
    let variables;
    if (given !== undefined) {
        if (given !== null && typeof given === 'object' && !Array.isArray(given))
            variables = given;
        else
            problems.push({
                location: { file: file.path, line: 0, column: 1 },
                message: `options.variables must be a mapping of variable names to values, not ${JSON.stringify(given)}`,
            });
    }
    const scope = terraformScope(doc, variables);
    const source = {
        doc,
        scope,
        problems,
        at,
        value: (expr) => evaluate(doc, expr, scope),
        notice: (u) => problems.push({ location: at(u.start), message: u.message, severity: 'notice' }),
        problem(pos, message, text, severity) {
            const p = { location: at(pos), message };
            problems.push({
                ...p,
                ...(text === undefined ? {} : { text }),
                ...(severity ? { severity } : {}),
            });
        },
    };
    return source;
}
function terraformScope(doc, variables) {
    const defaults = new Map();
    const locals = new Map();
    for (const item of doc.body.items) {
        if (item.kind !== 'block')
            continue;
        if (item.type === 'variable' && item.labels[0]) {
            const d = attributeOf(item.body, 'default');
            if (d)
                defaults.set(item.labels[0].value, d.expression);
        }
        else if (item.type === 'locals') {
            for (const a of item.body.items)
                if (a.kind === 'attribute')
                    locals.set(a.name, a.expression);
        }
    }
    const cache = new Map();
    const resolving = new Set();
    const resolve = (key, expr, start) => {
        const cached = cache.get(key);
        if (cached)
            return cached;
        if (resolving.has(key))
            return unknown(`"${key}" refers to itself`, start);
        if (resolving.size >= MAX_REFERENCE_DEPTH)
            return unknown(`"${key}" is nested too deeply to resolve`, start);
        resolving.add(key);
        const value = evaluate(doc, expr, scope);
        resolving.delete(key);
        cache.set(key, value);
        return value;
    };
    const scope = (t) => {
        const first = t.steps[0];
        if ((t.root === 'var' || t.root === 'local') && first?.kind === 'attr') {
            const name = first.name;
            if (t.root === 'var') {
                if (variables && Object.hasOwn(variables, name)) {
                    const v = valueFromData(variables[name], t.start);
                    return {
                        value: v ??
                            unknown(`options.variables.${name} is not a string, number, list or mapping`, t.start),
                        used: 1,
                    };
                }
                const d = defaults.get(name);
                if (d)
                    return { value: resolve(`var.${name}`, d, t.start), used: 1 };
                return {
                    value: unknown(`cannot resolve "var.${name}" (set options.variables.${name} to check its value)`, t.start),
                    used: 1,
                };
            }
            const l = locals.get(name);
            if (l)
                return { value: resolve(`local.${name}`, l, t.start), used: 1 };
            return {
                value: unknown(`cannot resolve "local.${name}": no such local value in this file`, t.start),
                used: 1,
            };
        }
        return {
            value: unknown(`cannot resolve "${doc.source(t, 60)}"`, t.start),
            used: t.steps.length,
        };
    };
    return scope;
}
/** Notices for `for_each`/`count` on a resource: it is read once, as written. */
function noticeRepetition(src, body) {
    for (const name of ['for_each', 'count']) {
        const a = attributeOf(body, name);
        if (a)
            src.problem(a.start, `"${name}" is not expanded: the resource is read once, as written`, undefined, 'notice');
    }
}
/** Notices for `dynamic` blocks, whose content depends on the run. */
function noticeDynamic(src, body) {
    for (const d of blocksOf(body, 'dynamic')) {
        const name = d.labels[0]?.value ?? '';
        src.problem(d.start, `dynamic "${name}" blocks are not expanded; what they allow is not checked`, undefined, 'notice');
    }
}
/** Problems sorted by position, each reported once (a local used twice reports its unknowns once). */
function finishProblems(problems) {
    const seen = new Set();
    const out = [];
    for (const p of problems) {
        const key = `${p.location.line}:${p.location.column}:${p.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(p);
    }
    return out.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}
/** The literal value of an attribute, when it is a string (or a number, as text). */
function stringOf(src, body, name) {
    const a = attributeOf(body, name);
    if (!a)
        return undefined;
    const v = src.value(a.expression);
    if (v.kind === 'string')
        return { value: v.value, start: v.start };
    if (v.kind === 'number')
        return { value: String(v.value), start: v.start };
    if (v.kind === 'unknown')
        src.notice(v);
    else
        src.problem(a.expression.start, `"${name}" must be a string`);
    return null;
}
/** How much of a file detection reads. */
const DETECT_SAMPLE_CHARS = 256 * 1024;
/**
 * Terraform extensions score on their own, more with a resource of the format; content alone
 * only for a file without an extension.
 */
function terraformDetector(resource) {
    return (file) => {
        const name = file.path.slice(file.path.lastIndexOf('/') + 1).toLowerCase();
        const tf = name.endsWith('.tf') || name.endsWith('.tofu');
        const hint = resource.test(file.text.slice(0, DETECT_SAMPLE_CHARS));
        if (tf)
            return hint ? 8 : 2;
        return hint && !name.includes('.') ? 3 : 0;
    };
}

;// CONCATENATED MODULE: ./src/formats/dns/terraform-dns.ts





const AZURE_TYPES = ['a', 'aaaa', 'cname', 'mx', 'txt', 'srv', 'ns', 'ptr', 'caa'];
/** Resources that define a zone, and the attribute that holds its domain. */
const ZONE_RESOURCES = {
    aws_route53_zone: ['name'],
    azurerm_dns_zone: ['name'],
    cloudflare_zone: ['zone', 'name'],
    google_dns_managed_zone: ['dns_name'],
};
function zoneOfResource(ctx, block) {
    const type = block.labels[0]?.value ?? '';
    const attrs = ZONE_RESOURCES[type] ?? ['name'];
    for (const attr of attrs) {
        const a = attributeOf(block.body, attr);
        if (!a)
            continue;
        const v = ctx.src.value(a.expression);
        if (v.kind === 'string')
            return { zone: absoluteZone(v.value) };
        if (v.kind === 'unknown')
            ctx.src.notice(v);
        return { reported: true };
    }
    return undefined;
}
/** The zone named by a record's `zone_id` / `zone_name` / `managed_zone`. */
function zoneFrom(ctx, body, attr, literalIsDomain) {
    const a = attributeOf(body, attr);
    if (!a) {
        if (ctx.defaultZone)
            return { zone: ctx.defaultZone };
        return undefined;
    }
    const expr = a.expression;
    const keys = [];
    let address;
    if (expr.kind === 'traversal' && typeof expr.root === 'string') {
        keys.push(ctx.src.doc.source(expr, 400));
        const names = [expr.root];
        for (const s of expr.steps)
            if (s.kind === 'attr')
                names.push(s.name);
        address = names.slice(0, expr.root === 'data' ? 3 : 2).join('.');
        keys.push(address);
    }
    for (const k of keys) {
        const zone = ctx.zoneSettings.get(k);
        if (zone)
            return { zone };
    }
    const resource = address === undefined ? undefined : ctx.zoneResources.get(address);
    if (resource) {
        const found = zoneOfResource(ctx, resource);
        if (found)
            return found;
    }
    // Another resource's attributes (a zone's id) exist only after it is created: such a reference
    // is looked up above, never evaluated. Literals, variables and locals are.
    const otherResource = expr.kind === 'traversal' &&
        typeof expr.root === 'string' &&
        expr.root !== 'var' &&
        expr.root !== 'local';
    if (!otherResource) {
        const v = ctx.src.value(expr);
        if (v.kind === 'string') {
            const zone = ctx.zoneSettings.get(v.value);
            if (zone)
                return { zone };
            const google = ctx.googleZones.get(v.value);
            if (google) {
                const found = zoneOfResource(ctx, google);
                if (found)
                    return found;
            }
            if (literalIsDomain)
                return { zone: absoluteZone(v.value) };
            if (ctx.defaultZone)
                return { zone: ctx.defaultZone };
            return {
                why: `cannot tell the zone from "${v.value}" (set options.zones["${v.value}"] to the zone's domain)`,
                start: v.start,
            };
        }
        if (v.kind === 'unknown' && address === undefined) {
            if (ctx.defaultZone)
                return { zone: ctx.defaultZone };
            ctx.src.notice(v);
            return { reported: true };
        }
    }
    if (ctx.defaultZone)
        return { zone: ctx.defaultZone };
    const text = ctx.src.doc.source(expr, 60);
    const key = address ?? text;
    return {
        why: `cannot tell the zone from "${text}" (set options.zones["${key}"] to the zone's domain)`,
        start: expr.start,
    };
}
/**
 * The absolute owner name. Azure names are always relative to the zone; Route 53 and
 * Cloudflare append the zone unless the name already ends with it; Google names are absolute.
 * Without a zone, a name under a registrable domain is taken as absolute and that domain as
 * its zone.
 */
function terraform_dns_ownerName(written, zone, provider) {
    const checked = plainName(written === '' ? '@' : written);
    if (!checked.ok && written !== '@' && written !== '')
        return checked;
    const bare = (checked.ok ? checked.value : written).replace(/\.$/, '').toLowerCase();
    const apex = bare === '@' || bare === '';
    if (zone) {
        const z = zone.replace(/\.$/, '');
        if (apex)
            return ok({ name: zone, zone });
        if (provider === 'azure')
            return ok({ name: `${bare}.${zone}`, zone });
        if (provider === 'google' || bare === z || bare.endsWith(`.${z}`))
            return ok({ name: `${bare}.`, zone });
        return ok({ name: `${bare}.${zone}`, zone });
    }
    if (apex)
        return fail('"@" needs the zone');
    const domain = provider === 'azure' ? null : (0,cjs/* getDomain */.FB)(bare, DOMAIN_OF_NAME);
    if (!domain)
        return fail(`"${written}" is relative and the zone is not known`);
    return ok({ name: `${bare}.`, zone: `${domain}.` });
}
/** Owner names may hold `*` and `_` labels, which host name validation refuses. */
const DOMAIN_OF_NAME = {
    allowPrivateDomains: false,
    validateHostname: false,
    extractHostname: false,
};
function push(ctx, p, rdata, start, blockComment) {
    const own = ctx.src.doc.commentFor(start.line, start.line) ?? blockComment;
    ctx.records.push({
        name: p.owner.name,
        type: p.type,
        ttl: p.ttl,
        data: rdata.data,
        parsed: rdata.parsed,
        zone: p.owner.zone,
        location: ctx.src.at(start),
        relativeTarget: false,
        comment: own ?? p.comment,
    });
}
/** Data written in presentation form (`10 mail.example.com.`), as Route 53 and Google take it. */
function presentation(type, text, ctx) {
    const fields = splitFields(text);
    if (!fields.ok)
        return fields;
    const r = rdataFromFields(type, fieldsOf(fields.value), ctx);
    return r.ok ? ok(r.value) : fail(r.error);
}
/** TXT data as the provider stores it: quoted strings as written, or one text split into 255-octet strings. */
function txtData(type, text, ctx, split) {
    const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
    if (quoted)
        return presentation(type, text, ctx);
    // Route 53 wraps a value in quotes itself, so `a""b` is the two strings "a" and "b".
    if (split === 'quotes')
        return presentation(type, `"${text}"`, ctx);
    return ok(txtRdata(chunkText(text)));
}
/** The values of a list attribute as strings (numbers as text); unknown values are notices. */
function valuesOf(ctx, body, name) {
    const a = attributeOf(body, name);
    if (!a)
        return undefined;
    const v = ctx.src.value(a.expression);
    if (v.kind === 'unknown') {
        ctx.src.notice(v);
        return [];
    }
    if (v.kind !== 'list') {
        ctx.src.problem(a.expression.start, `"${name}" must be a list of strings`);
        return [];
    }
    const out = [];
    for (const item of v.items) {
        if (item.kind === 'unknown')
            ctx.src.notice(item);
        else if (item.kind === 'string' || item.kind === 'number')
            out.push({ text: String(item.value), start: item.start });
        else
            ctx.src.problem(item.start, `"${name}" must be a list of strings`);
    }
    return out;
}
/** A whole number attribute; undefined when absent, null when it cannot be read (already reported). */
function numberOf(ctx, body, name, max) {
    const s = stringOf(ctx.src, body, name);
    if (!s)
        return s;
    if (!/^\d{1,10}$/.test(s.value) || Number(s.value) > max) {
        ctx.src.problem(s.start, `"${name}" must be a whole number from 0 to ${max}, not "${s.value}"`, s.value);
        return null;
    }
    return { value: Number(s.value), start: s.start };
}
function terraform_dns_report(ctx, start, result, text) {
    if (result.ok)
        return true;
    ctx.src.problem(start, result.error, text);
    return false;
}
/** What every provider's record starts with: type, owner name and zone, TTL, comment. */
function header(ctx, block, provider, writtenType, zoneAttr) {
    const body = block.body;
    noticeRepetition(ctx.src, body);
    noticeDynamic(ctx.src, body);
    let type = writtenType;
    if (type === undefined) {
        const t = stringOf(ctx.src, body, 'type');
        if (!t) {
            if (t === undefined)
                ctx.src.problem(block.start, 'the record has no "type"');
            return undefined;
        }
        type = recordType(t.value);
        if (!type) {
            ctx.src.problem(t.start, `unknown record type "${t.value}"`, t.value);
            return undefined;
        }
    }
    const written = stringOf(ctx.src, body, 'name');
    if (written === null)
        return undefined;
    const nameText = written?.value ?? '@';
    const nameStart = written?.start ?? block.start;
    if (nameText !== '@' && nameText !== '') {
        const checked = plainName(nameText);
        if (!checked.ok) {
            ctx.src.problem(nameStart, checked.error, nameText);
            return undefined;
        }
    }
    const zone = zoneFrom(ctx, body, zoneAttr, provider === 'azure');
    const known = zone && 'zone' in zone ? zone.zone : undefined;
    const owner = terraform_dns_ownerName(nameText, known, provider);
    if (!owner.ok) {
        if (zone && 'why' in zone)
            ctx.src.problem(zone.start, zone.why, undefined, 'notice');
        else if (!zone)
            ctx.src.problem(nameStart, `${owner.error} (set options.zone to the zone's domain)`, nameText, 'notice');
        else if (!('reported' in zone))
            ctx.src.problem(nameStart, owner.error, nameText);
        return undefined;
    }
    let ttl;
    const t = numberOf(ctx, body, 'ttl', 2147483647);
    if (t)
        ttl = provider === 'cloudflare' && t.value === 1 ? undefined : t.value;
    const comment = ctx.src.doc.commentFor(block.start.line, ctx.src.doc.position(block.end).line);
    return { provider, block, type, ttl, owner: owner.value, comment };
}
function nameContext(p) {
    return { origin: p.owner.zone, mode: 'absolute' };
}
function recordComment(ctx, record) {
    return ctx.src.doc.commentFor(record.start.line, record.start.line);
}
// ── providers ──
function route53(ctx, block) {
    const alias = blocksOf(block.body, 'alias')[0];
    if (alias) {
        ctx.src.problem(alias.start, 'alias records point at an AWS resource; they are not read', undefined, 'notice');
        return;
    }
    const p = header(ctx, block, 'route53', undefined, 'zone_id');
    if (!p)
        return;
    for (const v of valuesOf(ctx, block.body, 'records') ?? []) {
        const isTxt = p.type === 'TXT' || p.type === 'SPF';
        const rdata = isTxt
            ? txtData(p.type, v.text, nameContext(p), 'quotes')
            : presentation(p.type, v.text, nameContext(p));
        if (terraform_dns_report(ctx, v.start, rdata, v.text) && rdata.ok)
            push(ctx, p, rdata.value, v.start);
    }
}
function google(ctx, block) {
    const p = header(ctx, block, 'google', undefined, 'managed_zone');
    if (!p)
        return;
    for (const v of valuesOf(ctx, block.body, 'rrdatas') ?? []) {
        const rdata = presentation(p.type, v.text, nameContext(p));
        if (!terraform_dns_report(ctx, v.start, rdata, v.text) || !rdata.ok)
            continue;
        const quoted = v.text.trimStart().startsWith('"');
        if ((p.type === 'TXT' || p.type === 'SPF') && !quoted && /\s/.test(v.text.trim())) {
            const message = `Cloud DNS splits unquoted TXT data at spaces into ${(txtStrings(rdata.value.data) ?? []).length} strings; write it as "\\"${v.text}\\"" to keep one`;
            ctx.src.problem(v.start, message, v.text, 'warning');
        }
        push(ctx, p, rdata.value, v.start);
    }
}
function azure(ctx, block, kind) {
    const target = attributeOf(block.body, 'target_resource_id');
    if (target) {
        ctx.src.problem(target.start, 'alias record sets point at an Azure resource; they are not read', undefined, 'notice');
        return;
    }
    const p = header(ctx, block, 'azure', kind.toUpperCase(), 'zone_name');
    if (!p)
        return;
    const nc = nameContext(p);
    const body = block.body;
    switch (kind) {
        case 'a':
        case 'aaaa':
        case 'ns':
        case 'ptr':
            for (const v of valuesOf(ctx, body, 'records') ?? []) {
                const rdata = presentation(p.type, v.text, nc);
                if (terraform_dns_report(ctx, v.start, rdata, v.text) && rdata.ok)
                    push(ctx, p, rdata.value, v.start);
            }
            return;
        case 'cname': {
            const v = stringOf(ctx.src, body, 'record');
            if (!v)
                return;
            const rdata = presentation('CNAME', v.value, nc);
            if (terraform_dns_report(ctx, v.start, rdata, v.value) && rdata.ok)
                push(ctx, p, rdata.value, v.start);
            return;
        }
    }
    for (const r of blocksOf(body, 'record')) {
        let fields;
        let at;
        if (kind === 'txt') {
            const v = stringOf(ctx.src, r.body, 'value');
            if (v)
                push(ctx, p, txtRdata(chunkText(v.value)), v.start, recordComment(ctx, r));
            continue;
        }
        const parts = {
            mx: ['preference', 'exchange'],
            srv: ['priority', 'weight', 'port', 'target'],
            caa: ['flags', 'tag', 'value'],
        };
        fields = [];
        for (const name of parts[kind]) {
            const v = stringOf(ctx.src, r.body, name);
            if (!v) {
                if (v === undefined)
                    ctx.src.problem(r.start, `the record has no "${name}"`);
                fields = undefined;
                break;
            }
            fields.push({ text: v.value, quoted: name === 'value' });
            at = v.start;
        }
        if (!fields || !at)
            continue;
        const result = rdataFromFields(p.type, fieldsOf(fields), nc);
        if (!result.ok)
            ctx.src.problem(at, result.error);
        else
            push(ctx, p, result.value, at, recordComment(ctx, r));
    }
}
function cloudflare(ctx, block) {
    const body = block.body;
    const data = blocksOf(body, 'data')[0]?.body ?? objectBody(body, 'data');
    const p0 = header(ctx, block, 'cloudflare', undefined, 'zone_id');
    if (!p0)
        return;
    let p = p0;
    const nc = nameContext(p);
    // Provider v4 SRV records may name the service in `data` instead of `name`.
    if (data && p.type === 'SRV') {
        const service = stringOf(ctx.src, data, 'service');
        const proto = stringOf(ctx.src, data, 'proto');
        const base = stringOf(ctx.src, data, 'name');
        if (service && proto) {
            const owner = terraform_dns_ownerName(`${service.value}.${proto.value}.${base?.value ?? stringOf(ctx.src, body, 'name')?.value ?? '@'}`, p.owner.zone, 'cloudflare');
            if (owner.ok)
                p = { ...p, owner: owner.value };
        }
    }
    const proxied = attributeOf(body, 'proxied');
    if (proxied) {
        const v = ctx.src.value(proxied.expression);
        if (v.kind === 'bool' && v.value)
            ctx.src.problem(proxied.start, `the record is proxied by Cloudflare, so resolvers see Cloudflare's addresses instead of its ${p.type} data`, undefined, 'warning');
    }
    if (data && (p.type === 'SRV' || p.type === 'CAA')) {
        const names = p.type === 'SRV' ? ['priority', 'weight', 'port', 'target'] : ['flags', 'tag', 'value'];
        const fields = [];
        let at;
        for (const name of names) {
            const holder = name === 'priority' && !attributeOf(data, name) ? body : data;
            const v = stringOf(ctx.src, holder, name);
            if (!v) {
                if (v === undefined)
                    ctx.src.problem(block.start, `the ${p.type} record has no "${name}" in its data`);
                return;
            }
            fields.push({ text: v.value, quoted: name === 'value' });
            at = v.start;
        }
        const result = rdataFromFields(p.type, fieldsOf(fields), nc);
        if (!result.ok)
            ctx.src.problem(at, result.error);
        else
            push(ctx, p, result.value, at);
        return;
    }
    // Provider v4 called it `value`; v5 `content`.
    const contentName = attributeOf(body, 'content') ? 'content' : 'value';
    const content = stringOf(ctx.src, body, contentName);
    if (content === undefined && data) {
        ctx.src.problem(block.start, `${p.type} records with "data" are not read`, undefined, 'notice');
        return;
    }
    if (!content) {
        if (content === undefined)
            ctx.src.problem(block.start, 'the record has no "content"');
        return;
    }
    let rdata;
    if (p.type === 'TXT' || p.type === 'SPF')
        rdata = txtData(p.type, content.value, nc, 'chunks');
    else if (p.type === 'MX') {
        const priority = numberOf(ctx, body, 'priority', 65535);
        if (priority === null)
            return;
        rdata = presentation('MX', `${priority?.value ?? 0} ${content.value}`, nc);
    }
    else
        rdata = presentation(p.type, content.value, nc);
    if (terraform_dns_report(ctx, content.start, rdata, content.value) && rdata.ok)
        push(ctx, p, rdata.value, content.start);
}
/** Provider v5 writes `data = { ... }` as an attribute; it is read as a body of attributes. */
function objectBody(body, name) {
    const a = attributeOf(body, name);
    if (!a || a.expression.kind !== 'object')
        return undefined;
    const items = a.expression.items.flatMap(({ key, value }) => {
        const k = key.kind === 'traversal' && typeof key.root === 'string' && key.steps.length === 0
            ? key.root
            : key.kind === 'template' && key.parts.length === 1 && key.parts[0].kind === 'text'
                ? key.parts[0].value
                : undefined;
        return k === undefined
            ? []
            : [
                {
                    kind: 'attribute',
                    name: k,
                    expression: value,
                    start: key.start,
                    end: value.end,
                },
            ];
    });
    return { items };
}
// ── the format ──
function stringMap(value, setting, problems, file) {
    const out = new Map();
    if (value === undefined)
        return out;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({
            location: { file, line: 0, column: 1 },
            message: `options.${setting} must be a mapping of references to zone domains, not ${JSON.stringify(value)}`,
        });
        return out;
    }
    for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' && v !== '')
            out.set(k, absoluteZone(v));
        else
            problems.push({
                location: { file, line: 0, column: 1 },
                message: `options.${setting}["${k}"] must be a domain name, not ${JSON.stringify(v)}`,
            });
    }
    return out;
}
function parseTerraformDns(file, options) {
    const records = [];
    const result = { path: file.path, format: 'terraform-dns', records };
    const src = readTerraformSource(file, options?.settings);
    if (!('doc' in src))
        return { ...result, zones: [], problems: [src] };
    const settings = options?.settings ?? {};
    const zoneSettings = stringMap(settings.zones, 'zones', src.problems, file.path);
    let defaultZone;
    if (typeof settings.zone === 'string' && settings.zone !== '')
        defaultZone = absoluteZone(settings.zone);
    else if (settings.zone !== undefined)
        src.problems.push({
            location: { file: file.path, line: 0, column: 1 },
            message: `options.zone must be a domain name, not ${JSON.stringify(settings.zone)}`,
        });
    const zoneResources = new Map();
    const googleZones = new Map();
    for (const item of src.doc.body.items) {
        if (item.kind !== 'block' || (item.type !== 'resource' && item.type !== 'data'))
            continue;
        const [type, name] = item.labels;
        if (!type || !name || !(type.value in ZONE_RESOURCES))
            continue;
        zoneResources.set(`${item.type === 'data' ? 'data.' : ''}${type.value}.${name.value}`, item);
        if (type.value === 'google_dns_managed_zone') {
            const zoneName = attributeOf(item.body, 'name');
            const v = zoneName && src.value(zoneName.expression);
            if (v?.kind === 'string')
                googleZones.set(v.value, item);
        }
    }
    const ctx = { src, records, zoneSettings, defaultZone, zoneResources, googleZones };
    const zones = new Set();
    for (const item of src.doc.body.items) {
        if (item.kind !== 'block' || item.type !== 'resource')
            continue;
        const type = item.labels[0]?.value ?? '';
        if (type in ZONE_RESOURCES) {
            const z = zoneOfResource(ctx, item);
            if (z && 'zone' in z)
                zones.add(z.zone);
            continue;
        }
        if (type === 'aws_route53_record')
            route53(ctx, item);
        else if (type === 'google_dns_record_set')
            google(ctx, item);
        else if (type === 'cloudflare_record' || type === 'cloudflare_dns_record')
            cloudflare(ctx, item);
        else {
            const m = /^azurerm_dns_([a-z]+)_record$/.exec(type);
            const kind = m && AZURE_TYPES.find((t) => t === m[1]);
            if (kind)
                azure(ctx, item, kind);
        }
    }
    for (const r of records)
        zones.add(r.zone);
    records.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return { ...result, zones: [...zones].sort(), problems: finishProblems(src.problems) };
}
/** A string literal in HCL: quotes, backslashes and template starts escaped. */
function hclString(text) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        const code = text.charCodeAt(i);
        if (c === '"' || c === '\\')
            out += `\\${c}`;
        else if (c === '\n')
            out += '\\n';
        else if (c === '\r')
            out += '\\r';
        else if (c === '\t')
            out += '\\t';
        else if (code < 0x20 || code === 0x7f)
            out += `\\u${code.toString(16).padStart(4, '0')}`;
        else if ((c === '$' || c === '%') && text[i + 1] === '{')
            out += `${c}${c}`;
        else
            out += c;
    }
    return `"${out}"`;
}
/** A Terraform resource name: letters, digits and underscores, not starting with a digit. */
function label(text) {
    const s = text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
    return /^[a-z_]/.test(s) ? s : `_${s}`;
}
function block(head, lines) {
    const width = Math.max(0, ...lines.map((l) => (typeof l === 'string' ? 0 : l[0].length)));
    const body = lines.map((l) => (typeof l === 'string' ? l : `  ${l[0].padEnd(width)} = ${l[1]}`));
    return [`${head} {`, ...body, '}'].join('\n');
}
function withoutDot(name) {
    return name.endsWith('.') && name !== '.' ? name.slice(0, -1) : name;
}
/** A record written as a resource of one provider, to tell a user exactly what to add. */
function renderTerraformRecord(resource, record, zone) {
    const z = absoluteZone(zone);
    const type = record.type.toUpperCase();
    const owner = relativeOwner(record.name.toLowerCase(), z);
    const name = `${owner === '@' ? 'apex' : owner}_${type}`;
    const zoneLabel = label(withoutDot(z));
    const fields = splitFields(record.data);
    const strings = type === 'TXT' || type === 'SPF' ? txtStrings(record.data) : undefined;
    const ttl = String(record.ttl ?? 3600);
    switch (resource) {
        case 'aws_route53_record': {
            const value = strings ? strings.join('""') : record.data;
            return block(`resource "aws_route53_record" "${label(name)}"`, [
                ['zone_id', `aws_route53_zone.${zoneLabel}.zone_id`],
                ['name', hclString(withoutDot(record.name))],
                ['type', hclString(type)],
                ['ttl', ttl],
                ['records', `[${hclString(value)}]`],
            ]);
        }
        case 'google_dns_record_set':
            return block(`resource "google_dns_record_set" "${label(name)}"`, [
                ['managed_zone', `google_dns_managed_zone.${zoneLabel}.name`],
                ['name', hclString(record.name)],
                ['type', hclString(type)],
                ['ttl', ttl],
                ['rrdatas', `[${hclString(record.data)}]`],
            ]);
        case 'cloudflare_dns_record': {
            const f = fields.ok ? fields.value.map((x) => x.text) : [];
            const lines = [
                ['zone_id', `cloudflare_zone.${zoneLabel}.id`],
                ['name', hclString(withoutDot(record.name))],
                ['type', hclString(type)],
                ['ttl', String(record.ttl ?? 1)],
            ];
            if (type === 'MX' && f.length === 2) {
                lines.push(['content', hclString(withoutDot(f[1]))], ['priority', f[0]]);
            }
            else if (type === 'SRV' && f.length === 4) {
                const [priority, weight, port, target] = f;
                lines.push([
                    'data',
                    `{ priority = ${priority}, weight = ${weight}, port = ${port}, target = ${hclString(withoutDot(target))} }`,
                ]);
            }
            else if (strings)
                lines.push(['content', hclString(record.data)]);
            else
                lines.push(['content', hclString(withoutDot(record.data))]);
            return block(`resource "cloudflare_dns_record" "${label(name)}"`, lines);
        }
        case 'azurerm_dns': {
            const kind = type.toLowerCase();
            if (!AZURE_TYPES.includes(kind))
                return `# Azure DNS has no record set resource for ${type} records`;
            const lines = [
                ['name', hclString(owner)],
                ['zone_name', hclString(withoutDot(z))],
                ['resource_group_name', 'var.resource_group_name'],
                ['ttl', ttl],
            ];
            const f = fields.ok ? fields.value.map((x) => x.text) : [];
            const sub = (pairs) => {
                const width = Math.max(...pairs.map((p) => p[0].length));
                return ['', '  record {', ...pairs.map(([k, v]) => `    ${k.padEnd(width)} = ${v}`), '  }'];
            };
            if (kind === 'cname')
                lines.push(['record', hclString(record.data)]);
            else if (kind === 'mx' && f.length === 2)
                lines.push(...sub([
                    ['preference', f[0]],
                    ['exchange', hclString(f[1])],
                ]));
            else if (kind === 'srv' && f.length === 4)
                lines.push(...sub([
                    ['priority', f[0]],
                    ['weight', f[1]],
                    ['port', f[2]],
                    ['target', hclString(f[3])],
                ]));
            else if (kind === 'caa' && f.length === 3)
                lines.push(...sub([
                    ['flags', f[0]],
                    ['tag', hclString(f[1])],
                    ['value', hclString(f[2])],
                ]));
            else if (kind === 'txt')
                lines.push(...sub([['value', hclString((strings ?? [record.data]).join(''))]]));
            else
                lines.push(['records', `[${hclString(record.data)}]`]);
            return block(`resource "azurerm_dns_${kind}_record" "${label(name)}"`, lines);
        }
    }
}
const DNS_RESOURCE = /^[ \t]*resource[ \t]+"(?:aws_route53_record|azurerm_dns_[a-z]+_record|cloudflare_record|cloudflare_dns_record|google_dns_record_set)"/m;
/**
 * Terraform (HCL) DNS records: `aws_route53_record`, `azurerm_dns_{a,aaaa,cname,mx,txt,srv,ns,ptr,caa}_record`,
 * `cloudflare_record` (v4) and `cloudflare_dns_record` (v5), `google_dns_record_set`.
 *
 * Settings: `variables` (input variable values for `var.NAME`), `zones` (a mapping from what a
 * record's `zone_id`/`zone_name`/`managed_zone` holds, as written — `aws_route53_zone.primary.zone_id`,
 * the resource address `aws_route53_zone.primary`, or a literal zone id — to the zone's domain),
 * and `zone` (the domain of records whose zone cannot be told otherwise). A zone resource in the
 * same file is read by itself. `render` writes an `aws_route53_record`; `renderTerraformRecord`
 * writes the other providers' resources.
 */
const TERRAFORM_DNS = {
    id: 'terraform-dns',
    title: 'Terraform DNS records',
    filePatterns: ['*.tf', '*.tofu'],
    detect: terraformDetector(DNS_RESOURCE),
    parse: parseTerraformDns,
    render: (record, zone) => renderTerraformRecord('aws_route53_record', record, zone),
};

;// CONCATENATED MODULE: ./src/formats/dns/yaml.ts




/**
 * Our own DNS records file (schemas/dns.schema.json), YAML or JSON:
 *
 * ```yaml
 * endpoint-drift: dns/v1
 * zone: contoso.com
 * records:
 *   - name: '@'
 *     type: MX
 *     value: 0 contoso-com.mail.protection.outlook.com.
 * ```
 *
 * Names are relative to the zone; values are written as in a zone file except that targets are
 * fully qualified (the trailing dot optional), and a TXT value is the text itself.
 */
const MARKER = 'dns/v1';
const TOP_KEYS = new Set(['$schema', 'endpoint-drift', 'zone', 'records']);
const yaml_RECORD_KEYS = new Set(['name', 'type', 'ttl', 'value', 'values', 'comment']);
function yaml_at(ctx, node) {
    return { file: ctx.file, ...contentPosition(ctx.src, node) };
}
function yaml_report(ctx, node, message) {
    if (ctx.quiet)
        return;
    const text = scalarText(node);
    ctx.problems.push({ location: yaml_at(ctx, node), message, ...(text !== undefined ? { text } : {}) });
}
function parseDnsYaml(file, _options) {
    const records = [];
    const problems = [];
    const zones = [];
    const result = { path: file.path, format: 'dns-yaml', zones, records, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const text = withoutBom(file.text);
    const src = readYaml(text);
    const syntax = src.syntax;
    const ctx = {
        file: file.path,
        src,
        comments: src.comments,
        problems,
        quiet: syntax !== undefined,
    };
    if (syntax) {
        problems.push({
            location: { file: file.path, line: syntax.line, column: syntax.column },
            message: `invalid YAML: ${syntax.message}`,
        });
    }
    const root = resolved(src, src.doc.contents);
    if (!(0,dist/* isMap */.jh)(root)) {
        const expected = `"endpoint-drift: ${MARKER}", "zone" and "records"`;
        yaml_report(ctx, root, `the file must be a mapping with ${expected}`);
        return result;
    }
    const duplicate = duplicateKey(src, root);
    if (duplicate)
        yaml_report(ctx, duplicate.node, `duplicate key "${duplicate.key}"`);
    for (const pair of root.items) {
        const key = scalarText(resolved(src, pair.key));
        if (key === undefined || !TOP_KEYS.has(key)) {
            yaml_report(ctx, resolved(src, pair.key), `unknown key "${key ?? ''}" (expected endpoint-drift, zone or records)`);
        }
    }
    const marker = resolved(src, root.get('endpoint-drift', true));
    if (marker === undefined) {
        yaml_report(ctx, root, `missing "endpoint-drift: ${MARKER}"`);
    }
    else if (scalarText(marker) !== MARKER) {
        yaml_report(ctx, marker, `unsupported marker ${JSON.stringify(scalarText(marker) ?? null)} (expected "${MARKER}")`);
    }
    const zoneNode = resolved(src, root.get('zone', true));
    const zoneText = scalarText(zoneNode);
    if (zoneText === undefined || zoneText === '') {
        yaml_report(ctx, zoneNode ?? root, 'the file needs a "zone" (contoso.com)');
        return result;
    }
    const checked = plainName(zoneText);
    if (!checked.ok) {
        yaml_report(ctx, zoneNode, checked.error);
        return result;
    }
    const zone = absoluteZone(checked.value);
    zones.push(zone);
    const list = resolved(src, root.get('records', true));
    if (!(0,dist/* isSeq */.oP)(list)) {
        yaml_report(ctx, list ?? root, 'the file needs a list of "records"');
        return result;
    }
    const names = { origin: zone, mode: 'absolute' };
    for (const item of list.items) {
        const record = resolved(src, item);
        if (!(0,dist/* isMap */.jh)(record)) {
            yaml_report(ctx, record, 'a record must be a mapping with name, type and value');
            continue;
        }
        yaml_readRecord(ctx, record, zone, names, records);
    }
    return result;
}
function yaml_readRecord(ctx, record, zone, names, records) {
    const { src } = ctx;
    const get = (key) => resolved(src, record.get(key, true));
    let ok = true;
    const duplicate = duplicateKey(src, record);
    if (duplicate) {
        yaml_report(ctx, duplicate.node, `duplicate key "${duplicate.key}" in a record`);
        return;
    }
    for (const pair of record.items) {
        const key = scalarText(resolved(src, pair.key));
        if (key === undefined || !yaml_RECORD_KEYS.has(key)) {
            yaml_report(ctx, resolved(src, pair.key), `unknown key "${key ?? ''}" in a record (expected name, type, ttl, value, values or comment)`);
            ok = false;
        }
    }
    const nameNode = get('name');
    const name = nameNode === undefined
        ? undefined
        : (scalarText(nameNode) ?? ((0,dist/* isMap */.jh)(nameNode) || (0,dist/* isSeq */.oP)(nameNode) ? undefined : ''));
    if (name === undefined) {
        yaml_report(ctx, nameNode ?? record, 'a record needs a "name" ("@" for the zone itself)');
        return;
    }
    const owner = yaml_ownerName(name, zone);
    if (!owner.ok) {
        yaml_report(ctx, nameNode, owner.error);
        return;
    }
    const typeNode = get('type');
    const typeText = scalarText(typeNode);
    const type = typeText === undefined ? undefined : recordType(typeText);
    if (type === undefined) {
        yaml_report(ctx, typeNode ?? record, typeText === undefined ? 'a record needs a "type"' : `unknown record type "${typeText}"`);
        return;
    }
    let ttl;
    const ttlNode = get('ttl');
    if (ttlNode !== undefined) {
        ttl = parseUint(scalarText(ttlNode) ?? '', MAX_TTL);
        if (ttl === undefined) {
            yaml_report(ctx, ttlNode, `"ttl" must be a number of seconds from 0 to ${MAX_TTL}`);
            return;
        }
    }
    const valueNode = get('value');
    const valuesNode = get('values');
    if ((valueNode === undefined) === (valuesNode === undefined)) {
        yaml_report(ctx, typeNode, `a record needs exactly one of "value" or "values"`);
        return;
    }
    let values;
    if (valuesNode !== undefined) {
        if (!(0,dist/* isSeq */.oP)(valuesNode) || valuesNode.items.length === 0) {
            yaml_report(ctx, valuesNode, '"values" must be a list of one value or more');
            return;
        }
        values = valuesNode.items.map((v) => resolved(src, v));
    }
    else {
        values = [valueNode];
    }
    if (!ok)
        return;
    const commentNode = get('comment');
    const written = scalarText(commentNode);
    const first = nodePosition(src, record).line;
    for (const node of values) {
        const text = scalarText(node);
        if (text === undefined) {
            yaml_report(ctx, node, `a ${type} value must be text`);
            continue;
        }
        const rdata = yaml_readValue(type, text, names);
        if (!rdata.ok) {
            yaml_report(ctx, node, rdata.error);
            continue;
        }
        const location = yaml_at(ctx, node);
        records.push({
            name: owner.value,
            type,
            ttl,
            data: rdata.value.data,
            parsed: rdata.value.parsed,
            zone,
            location,
            relativeTarget: undefined,
            comment: written ?? commentFor(ctx.comments, [location.line, first], [first]),
        });
    }
}
function yaml_ownerName(name, zone) {
    if (name === '' || name === '@')
        return { ok: true, value: zone };
    const checked = plainName(endsWithDot(name) ? name : qualify(name, zone));
    if (!checked.ok)
        return checked;
    const owner = checked.value.toLowerCase();
    if (owner !== zone && !owner.endsWith(`.${zone}`)) {
        return { ok: false, error: `"${name}" is outside the zone "${zone}"` };
    }
    return { ok: true, value: owner };
}
function yaml_readValue(type, text, names) {
    if (type === 'TXT' || type === 'SPF')
        return { ok: true, value: txtRdata(chunkText(text)) };
    const fields = splitFields(text);
    if (!fields.ok)
        return fields;
    const rdata = rdataFromFields(type, fieldsOf(fields.value), names);
    return rdata.ok ? rdata : { ok: false, error: rdata.error };
}
function detectDnsYaml(file) {
    if (!/\.(?:ya?ml|json)$/i.test(file.path))
        return 0;
    const head = file.text.slice(0, 64 * 1024);
    if (/^["']?endpoint-drift["']?\s*:\s*["']?dns\/v1\b/m.test(head))
        return 10;
    if (/"endpoint-drift"\s*:\s*"dns\/v1"/.test(head))
        return 10;
    return 0;
}
function renderDnsYaml(record, zone) {
    const owner = relativeOwner(record.name, absoluteZone(zone));
    const value = record.type === 'TXT' || record.type === 'SPF'
        ? (txtStrings(record.data) ?? [record.data]).join('')
        : record.data;
    const lines = [`- name: ${yamlScalar(owner)}`, `  type: ${record.type}`];
    if (record.ttl !== undefined)
        lines.push(`  ttl: ${record.ttl}`);
    lines.push(`  value: ${yamlScalar(value)}`);
    return lines.join('\n');
}
/** Our own DNS records file (YAML or JSON, `endpoint-drift: dns/v1`). No settings. */
const DNS_YAML = {
    id: 'dns-yaml',
    title: 'endpoint-drift DNS records (YAML)',
    filePatterns: ['*.yml', '*.yaml', '*.json'],
    detect: detectDnsYaml,
    parse: parseDnsYaml,
    render: renderDnsYaml,
};

;// CONCATENATED MODULE: ./src/formats/dns/index.ts







/** Every supported DNS format. Order breaks detection ties. */
const DNS_FORMATS = [
    BIND,
    OCTODNS,
    DNSCONTROL,
    DNS_CSV,
    DNS_YAML,
    TERRAFORM_DNS,
];
function dnsFormatIds() {
    return DNS_FORMATS.map((f) => f.id);
}
function resolveDnsFormat(file, id) {
    return pickFormat(DNS_FORMATS, file, id, 'DNS format');
}

;// CONCATENATED MODULE: ./src/formats/syntax/references.ts

/**
 * What a tag or URL stands for; undefined when the text is not a reference at all (a host name
 * or an address in a tag field, a URL of another site).
 */
function classifyReference(text, context) {
    const trimmed = text.trim();
    return context === 'url' ? classifyFeedUrl(trimmed) : classifyTag(trimmed, context);
}
// ── Azure Firewall tags ─────────────────────────────────────────────────────
const PREFIXES = ['Office365', 'Microsoft365'];
const AREAS = ['Exchange', 'SharePoint', 'Skype', 'Common'];
const references_CATEGORIES = ['Optimize', 'Allow', 'Default'];
/** The suffixes Azure publishes; the grammar also accepts a category without one. */
const PUBLISHED_CATEGORIES = [
    'Optimize',
    'Allow.Required',
    'Allow.NotRequired',
    'Default.Required',
    'Default.NotRequired',
];
const TAG_NAME = { 'fqdn-tag': 'FQDN tag', 'service-tag': 'service tag' };
/** `office365.exchange.allow.required` → what it covers; built once, looked up case-insensitively. */
const TAGS = new Map();
for (const prefix of PREFIXES) {
    for (const area of AREAS) {
        for (const category of references_CATEGORIES) {
            for (const required of [undefined, true, false]) {
                const suffix = required === undefined ? '' : required ? '.Required' : '.NotRequired';
                TAGS.set(`${prefix}.${area}.${category}${suffix}`.toLowerCase(), {
                    scheme: '',
                    serviceAreas: [area],
                    categories: [category],
                    required,
                    category,
                });
            }
        }
    }
}
function published(prefix) {
    return AREAS.flatMap((area) => PUBLISHED_CATEGORIES.map((c) => `${prefix}.${area}.${c}`));
}
const SUGGESTIONS = { Office365: published('Office365'), Microsoft365: published('Microsoft365') };
/** Letters, digits, dots, hyphens and underscores: anything else cannot be a tag. */
const TAG_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Spellings of the Microsoft 365 family that people write in front of a tag. */
const M365_LEAD = /^(?:office ?365|microsoft ?365|o365|m365)(?:[._ -]|$)/i;
/** Edit distance within which a name counts as a misspelt Microsoft 365 tag. */
const NEAR = 3;
function classifyTag(text, context) {
    if (!TAG_SHAPE.test(text) || looksLikeIp(text))
        return undefined;
    const what = TAG_NAME[context];
    const known = TAGS.get(text.toLowerCase());
    if (known) {
        if (context === 'service-tag' && known.category === 'Default') {
            return {
                kind: 'invalid',
                message: `unknown service tag "${text}": the Default category has no IP addresses, so it exists only as an FQDN tag`,
            };
        }
        return {
            kind: 'reference',
            reference: {
                scheme: context === 'fqdn-tag' ? 'azure-fqdn-tag' : 'azure-service-tag',
                serviceAreas: known.serviceAreas,
                categories: known.categories,
                required: known.required,
                // FQDN tags carry the names, service tags the IPv4 prefixes.
                addressKinds: context === 'fqdn-tag' ? ['url'] : ['ipv4'],
            },
        };
    }
    const lead = M365_LEAD.exec(text);
    const candidates = SUGGESTIONS[/^m/i.test(text) && !/^m365/i.test(text) ? 'Microsoft365' : 'Office365'];
    const usable = context === 'service-tag' ? candidates.filter((c) => !c.includes('.Default.')) : candidates;
    const best = nearest(text, usable);
    if (lead && lead[0].length === text.length) {
        return {
            kind: 'invalid',
            message: `unknown ${what} "${text}": Microsoft 365 tags name an area and a category, such as "${usable[0]}"`,
        };
    }
    if (lead || best.distance <= NEAR) {
        return { kind: 'invalid', message: `unknown ${what} "${text}"; did you mean "${best.name}"?` };
    }
    // A lower-case dotted name in an address field is a host name, not a tag (tags are PascalCase).
    if (context === 'service-tag' && text.includes('.') && text === text.toLowerCase()) {
        return undefined;
    }
    return {
        kind: 'other-tag',
        note: `${what} "${text}" is not a Microsoft 365 tag; what it allows is not compared`,
    };
}
// ── Palo Alto Networks hosted feeds ─────────────────────────────────────────
const FEED_HOST = /^(?:https?:\/\/)?saasedl\.paloaltonetworks\.com(?::443)?(\/[^?#]*)?(?:[?#].*)?$/i;
const FEED_FORM = '.../feeds/m365/<cloud>/<area>/<category>/<ipv4|ipv6|url>';
/** Path names of the clouds, and the catalogue's instance each one is. */
const CLOUDS = {
    worldwide: 'worldwide',
    china: 'china',
    usgovdod: 'usgovdod',
    usgovgcchigh: 'usgovgcchigh',
    // Shorter spellings seen in configurations.
    usgccdod: 'usgovdod',
    usgcchigh: 'usgovgcchigh',
};
const CLOUD_NAMES = ['worldwide', 'china', 'usgovdod', 'usgovgcchigh'];
const FEED_AREAS = {
    any: undefined,
    common: 'Common',
    exchange: 'Exchange',
    sharepoint: 'SharePoint',
    skype: 'Skype',
};
const FEED_CATEGORIES = {
    optimize: 'Optimize',
    allow: 'Allow',
    default: 'Default',
};
const FEED_KINDS = ['ipv4', 'ipv6', 'url'];
function classifyFeedUrl(text) {
    const m = FEED_HOST.exec(text);
    if (!m)
        return undefined;
    const steps = (m[1] ?? '').split('/').filter((s) => s !== '');
    const family = steps[1]?.toLowerCase();
    if (steps[0]?.toLowerCase() !== 'feeds' || family === undefined) {
        return { kind: 'other-tag', note: `"${text}" is not a hosted feed URL; it is not compared` };
    }
    if (family !== 'm365') {
        return {
            kind: 'other-tag',
            note: `"${text}" is a hosted feed of "${steps[1]}", not of Microsoft 365; what it allows is not compared`,
        };
    }
    if (steps.length !== 6) {
        return {
            kind: 'invalid',
            message: `Microsoft 365 feed URLs have the form ${FEED_FORM}, not "${text}"`,
        };
    }
    const [cloud, area, category, kind] = steps.slice(2).map((s) => s.toLowerCase());
    const instance = CLOUDS[cloud];
    if (instance === undefined)
        return badSegment('cloud', steps[2], CLOUD_NAMES);
    if (!(area in FEED_AREAS))
        return badSegment('service area', steps[3], Object.keys(FEED_AREAS));
    const categories = feedCategories(category);
    if (categories === null) {
        return badSegment('category', steps[4], [
            'all',
            'optimize',
            'allow',
            'default',
            'optimize_allow',
        ]);
    }
    if (!FEED_KINDS.includes(kind)) {
        return badSegment('list type', steps[5], [...FEED_KINDS]);
    }
    const serviceArea = FEED_AREAS[area];
    return {
        kind: 'reference',
        reference: {
            scheme: 'pan-feed',
            // Palo Alto adds the Common endpoints to every feed of one area.
            serviceAreas: serviceArea === undefined
                ? undefined
                : serviceArea === 'Common'
                    ? ['Common']
                    : [serviceArea, 'Common'],
            categories,
            addressKinds: [kind],
            instance,
        },
    };
}
/** `all` → undefined (every category); `optimize_allow` → both; null when a part is unknown. */
function feedCategories(segment) {
    if (segment === 'all' || segment === 'any')
        return undefined;
    const out = [];
    for (const part of segment.split('_')) {
        const category = FEED_CATEGORIES[part];
        if (category === undefined)
            return null;
        if (!out.includes(category))
            out.push(category);
    }
    return out;
}
function badSegment(what, written, valid) {
    const best = nearest(written, valid);
    const hint = best.distance <= NEAR ? `did you mean "${best.name}"?` : `expected ${valid.join(', ')}`;
    return {
        kind: 'invalid',
        message: `unknown ${what} "${written}" in a Microsoft 365 feed URL; ${hint}`,
    };
}
// ── suggestions ─────────────────────────────────────────────────────────────
function nearest(text, names) {
    const lower = text.toLowerCase();
    let best = { name: names[0] ?? '', distance: Number.POSITIVE_INFINITY };
    for (const name of names) {
        const distance = editDistance(lower, name.toLowerCase());
        if (distance < best.distance)
            best = { name, distance };
    }
    return best;
}
/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
function editDistance(a, b) {
    if (a === b)
        return 0;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/formats/syntax/azure.ts





const azure_unknown = (at, why) => ({ t: 'unknown', at, why });
/** A value that a deployment would refuse: reported as an error where it is used. */
const wrong = (at, why) => ({ t: 'unknown', at, why, error: true });
/** Expressions quoted in messages are cut, so that a message stays one readable line. */
function quoteExpression(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 77)}...` : flat);
}
const computedWhy = (text) => `${quoteExpression(text)} is computed when deploying; the entries it yields are not checked`;
const noDefaultWhy = (name) => `parameter "${name}" has no default value; the entries it holds are not checked`;
/** An object value over a plain record, for values given in the configuration. */
function plainObject(record, at) {
    const keys = Object.keys(record);
    return {
        t: 'obj',
        at,
        keys: () => keys,
        get: (key) => {
            const lower = key.toLowerCase();
            const found = keys.find((k) => k.toLowerCase() === lower);
            return found === undefined ? undefined : record[found];
        },
    };
}
/** A JSON-like value from the configuration, placed where it is used. */
function fromPlain(value, at, depth = 0) {
    if (depth > 32)
        return azure_unknown(at, 'a configured value is nested too deeply');
    if (typeof value === 'string')
        return { t: 'str', v: value, at, literal: false };
    if (typeof value === 'number')
        return { t: 'num', v: value, at };
    if (typeof value === 'boolean')
        return { t: 'bool', v: value, at };
    if (value === null || value === undefined)
        return { t: 'null', at };
    if (Array.isArray(value)) {
        return { t: 'arr', items: value.map((v) => fromPlain(v, at, depth + 1)), at };
    }
    const record = {};
    for (const [k, v] of Object.entries(value)) {
        record[k] = fromPlain(v, at, depth + 1);
    }
    return plainObject(record, at);
}
/** Largest loop or `range()` that is expanded; beyond it the value is reported as not read. */
const MAX_ITEMS = 100_000;
/**
 * The functions that need no deployment, shared by both languages. Returns undefined for any
 * other function; the caller then reports the call as computed at deployment.
 */
function pureCall(name, args, at) {
    const first = args[0];
    switch (name.toLowerCase()) {
        case 'concat':
        case 'union': {
            if (args.length === 0)
                return undefined;
            if (args.every((a) => a.t === 'str')) {
                return {
                    t: 'str',
                    v: args.map((a) => (a.t === 'str' ? a.v : '')).join(''),
                    at,
                    literal: false,
                };
            }
            if (!args.some((a) => a.t === 'arr')) {
                // Nothing says whether strings or lists are joined: the reason to report is the first
                // mistake, else the first thing that needs a deployment.
                const unknowns = args.filter((a) => a.t === 'unknown');
                return unknowns.find((a) => a.error) ?? unknowns[0];
            }
            // An unknown argument stands for items that cannot be read; it stays in the list so that
            // whoever reads the list reports it where it was written.
            const items = [];
            for (const a of args) {
                if (a.t === 'arr')
                    items.push(...a.items);
                else if (a.t === 'unknown')
                    items.push(a);
                else
                    return undefined;
            }
            return { t: 'arr', items: name.toLowerCase() === 'union' ? dedupe(items) : items, at };
        }
        case 'createarray':
            return { t: 'arr', items: [...args], at };
        case 'array':
            if (!first)
                return undefined;
            return first.t === 'arr' || first.t === 'unknown' ? first : { t: 'arr', items: [first], at };
        case 'flatten': {
            if (first?.t !== 'arr')
                return first?.t === 'unknown' ? first : undefined;
            const items = [];
            for (const item of first.items) {
                if (item.t === 'arr')
                    items.push(...item.items);
                else
                    items.push(item);
            }
            return { t: 'arr', items, at };
        }
        case 'tolower':
        case 'toupper':
        case 'trim':
        case 'string': {
            if (first?.t === 'unknown')
                return first;
            if (first?.t !== 'str')
                return undefined;
            const lower = name.toLowerCase();
            const v = lower === 'tolower'
                ? first.v.toLowerCase()
                : lower === 'toupper'
                    ? first.v.toUpperCase()
                    : lower === 'trim'
                        ? first.v.trim()
                        : first.v;
            return { t: 'str', v, at: first.at, literal: first.literal && v === first.v };
        }
        case 'length': {
            if (first?.t === 'arr')
                return { t: 'num', v: first.items.length, at };
            if (first?.t === 'str')
                return { t: 'num', v: first.v.length, at };
            return first?.t === 'unknown' ? first : undefined;
        }
        case 'range': {
            const [start, count] = args;
            if (start?.t === 'unknown')
                return start;
            if (count?.t === 'unknown')
                return count;
            if (start?.t !== 'num' || count?.t !== 'num')
                return undefined;
            if (count.v < 0 || count.v > MAX_ITEMS)
                return undefined;
            const items = [];
            for (let i = 0; i < count.v; i++)
                items.push({ t: 'num', v: start.v + i, at });
            return { t: 'arr', items, at };
        }
        default:
            return undefined;
    }
}
function dedupe(items) {
    const seen = new Set();
    return items.filter((item) => {
        if (item.t !== 'str')
            return true;
        if (seen.has(item.v))
            return false;
        seen.add(item.v);
        return true;
    });
}
/**
 * A value chosen by a condition that is not evaluated: a deployment may take either branch, so a
 * list holds the items of both, and anything else is known only when both branches agree.
 */
function eitherBranch(a, b, at, why) {
    const listy = (v) => v.t === 'arr' || v.t === 'unknown' || v.t === 'null';
    if ((a.t === 'arr' || b.t === 'arr') && listy(a) && listy(b)) {
        const items = [a, b].flatMap((v) => (v.t === 'arr' ? v.items : v.t === 'unknown' ? [v] : []));
        return { t: 'arr', items, at };
    }
    if (a.t === 'str' && b.t === 'str' && a.v.toLowerCase() === b.v.toLowerCase())
        return a;
    if (a.t === 'unknown')
        return a;
    if (b.t === 'unknown')
        return b;
    return azure_unknown(at, why);
}
// ── reading the resources ───────────────────────────────────────────────────
/** Reports why a value cannot be read: a notice, or an error when the value is wrong. */
function unread(sink, value) {
    sink.problem(value.at, value.why, value.error ? 'error' : 'notice');
}
/** Collects entries and problems, each once: a variable used by two resources is one entry. */
class AzureSink {
    file;
    comments;
    entries = [];
    problems = [];
    #seen = new Set();
    constructor(file, comments) {
        this.file = file;
        this.comments = comments;
    }
    location(at) {
        return { file: this.file, line: at.line, column: at.column };
    }
    entry(entry) {
        const { location: l, ports } = entry;
        const value = entry.kind === 'host'
            ? entry.pattern.key()
            : entry.kind === 'ip'
                ? entry.block.key()
                : JSON.stringify(entry.reference);
        const portsKey = ports ? `${ports.tcp.key()}/${ports.udp.key()}` : '-';
        const key = `${entry.kind}|${l.line}:${l.column}|${value}|${portsKey}`;
        if (this.#seen.has(key))
            return;
        this.#seen.add(key);
        this.entries.push(entry);
    }
    /** An empty message marks a value whose problem was reported already (a syntax error). */
    problem(at, message, severity, text) {
        if (message === '')
            return;
        const key = `${at.line}:${at.column}|${message}`;
        if (this.#seen.has(key))
            return;
        this.#seen.add(key);
        this.problems.push({
            location: this.location(at),
            message,
            ...(text !== undefined ? { text } : {}),
            ...(severity !== 'error' ? { severity } : {}),
        });
    }
    /** The comment of a value, else the comment of the rule that holds it. */
    comment(at, rule) {
        return this.comments.at(at.line) ?? (rule ? this.comments.at(rule.line) : undefined);
    }
}
const azure_MAX_DEPTH = 64;
/**
 * Finds the allowlists in resource bodies by their property names, wherever they sit: in
 * `Microsoft.Network/firewallPolicies/ruleCollectionGroups`, `Microsoft.Network/azureFirewalls`,
 * `Microsoft.Web/sites` (and `/config`, `/slots`), container apps, nested resources and module
 * parameters alike.
 */
function collectAzureEntries(roots, sink) {
    for (const root of roots)
        walk(root, sink, 0);
}
function walk(value, sink, depth) {
    if (!value || depth > azure_MAX_DEPTH)
        return;
    if (value.t === 'arr') {
        for (const item of value.items)
            walk(item, sink, depth + 1);
        return;
    }
    if (value.t !== 'obj')
        return;
    for (const key of value.keys()) {
        const child = value.get(key);
        switch (key.toLowerCase()) {
            case 'rulecollections':
                for (const c of list(child, key, sink))
                    policyCollection(c, sink);
                break;
            case 'applicationrulecollections':
                for (const c of list(child, key, sink))
                    classicCollection(c, 'application', sink);
                break;
            case 'networkrulecollections':
                for (const c of list(child, key, sink))
                    classicCollection(c, 'network', sink);
                break;
            case 'natrulecollections':
                // Inbound translation, not an allowlist of destinations.
                break;
            case 'ipsecurityrestrictions':
            case 'scmipsecurityrestrictions': {
                const restrictions = list(child, key, sink);
                const at = value.keyAt?.(key);
                if (at && restrictions.length > 0) {
                    // Said once, because it changes what a "missing" finding means for this file.
                    sink.problem(at, `"${key}" limits who may reach the app (inbound traffic); its addresses are compared as an allowlist`, 'notice');
                }
                for (const r of restrictions)
                    restriction(r, sink);
                break;
            }
            default:
                walk(child, sink, depth + 1);
        }
    }
}
/** The items of a list property; an unknown list or item is a notice where it was written. */
function list(value, name, sink) {
    return items(value, name, sink).items;
}
/** The items, and whether they are all that the list holds (nothing in it is unknown). */
function items(value, name, sink) {
    if (value === undefined || value.t === 'null')
        return { items: [], complete: true };
    if (value.t === 'unknown') {
        unread(sink, value);
        return { items: [], complete: false };
    }
    if (value.t !== 'arr') {
        sink.problem(value.at, `"${name}" must be an array, not ${azure_describe(value)}`, 'error');
        return { items: [], complete: true };
    }
    const out = [];
    let complete = true;
    for (const item of value.items) {
        if (item.t === 'unknown') {
            unread(sink, item);
            complete = false;
        }
        else
            out.push(item);
    }
    return { items: out, complete };
}
function azure_describe(value) {
    switch (value.t) {
        case 'str':
            return JSON.stringify(value.v);
        case 'num':
        case 'bool':
            return String(value.v);
        case 'null':
            return 'null';
        case 'obj':
            return 'an object';
        case 'arr':
            return 'an array';
        default:
            return 'an unknown value';
    }
}
function azure_text(value) {
    return value?.t === 'str' ? value.v : undefined;
}
/** Rule collections that deny or translate hold no allowed destinations. */
function allows(collection) {
    const action = collection.get('action');
    const type = action?.t === 'obj' ? azure_text(action.get('type')) : azure_text(action);
    return type === undefined || type.toLowerCase() !== 'deny';
}
function policyCollection(collection, sink) {
    if (collection.t !== 'obj')
        return;
    const type = azure_text(collection.get('ruleCollectionType'))?.toLowerCase() ?? '';
    if (type.includes('nat') || !allows(collection))
        return;
    for (const rule of list(collection.get('rules'), 'rules', sink)) {
        if (rule.t !== 'obj')
            continue;
        const ruleType = azure_text(rule.get('ruleType'))?.toLowerCase();
        if (ruleType === 'natrule')
            continue;
        const application = ruleType === 'applicationrule' ||
            (ruleType === undefined &&
                ['targetFqdns', 'fqdnTags', 'targetUrls', 'webCategories'].some((k) => rule.get(k)));
        if (application)
            applicationRule(rule, false, sink);
        else
            networkRule(rule, false, sink);
    }
}
function classicCollection(collection, kind, sink) {
    if (collection.t !== 'obj')
        return;
    const props = collection.get('properties');
    const body = props?.t === 'obj' ? props : collection;
    if (!allows(body))
        return;
    for (const rule of list(body.get('rules'), 'rules', sink)) {
        if (rule.t !== 'obj')
            continue;
        if (kind === 'application')
            applicationRule(rule, true, sink);
        else
            networkRule(rule, true, sink);
    }
}
/** Ports of application protocols that do not name one. */
const DEFAULT_PORTS = { http: 80, https: 443, mssql: 1433 };
/**
 * Protocols that start in plain text and switch to TLS later. An application rule reads the host
 * from the HTTP request or the TLS handshake, so it never sees one in these.
 */
const STARTTLS_PORTS = {
    25: 'SMTP',
    110: 'POP3',
    143: 'IMAP',
    587: 'SMTP submission',
};
/**
 * TCP ports of an application rule's `protocols`; undefined when they cannot be known before
 * deployment. Malformed protocols are reported and allow nothing.
 */
function applicationPorts(rule, sink) {
    const value = rule.get('protocols');
    if (value === undefined)
        return undefined;
    const { items: protocols, complete } = items(value, 'protocols', sink);
    let known = complete;
    const ports = [];
    for (const p of protocols) {
        if (p.t !== 'obj') {
            sink.problem(p.at, `a protocol must be an object with "protocolType" and "port", not ${azure_describe(p)}`, 'error');
            continue;
        }
        const typeVal = p.get('protocolType');
        const portVal = p.get('port');
        if (typeVal?.t === 'unknown' || portVal?.t === 'unknown') {
            for (const v of [typeVal, portVal])
                if (v?.t === 'unknown')
                    unread(sink, v);
            known = false;
            continue;
        }
        const type = azure_text(typeVal);
        const defaultPort = type === undefined ? undefined : DEFAULT_PORTS[type.toLowerCase()];
        if (defaultPort === undefined) {
            const found = typeVal ? azure_describe(typeVal) : 'nothing';
            sink.problem(typeVal?.at ?? p.at, `unknown protocol type ${found} (expected Http, Https or Mssql)`, 'error');
            continue;
        }
        let port;
        if (portVal === undefined)
            port = defaultPort;
        else if (portVal.t === 'num')
            port = portVal.v;
        else if (portVal.t === 'str' && /^\d{1,5}$/.test(portVal.v))
            port = Number(portVal.v);
        if (port === undefined || port > 65535 || !Number.isInteger(port) || port < 0) {
            sink.problem(portVal?.at ?? p.at, `"port" must be a port number, not ${portVal ? azure_describe(portVal) : 'missing'}`, 'error');
            continue;
        }
        const starttls = STARTTLS_PORTS[port];
        if (starttls !== undefined) {
            sink.problem(portVal?.at ?? p.at, `"${type}" on port ${port} does not carry ${starttls}: an application rule needs HTTP or TLS from the first byte, and ${starttls} starts in plain text (STARTTLS)`, 'warning', String(port));
            continue;
        }
        ports.push(port);
    }
    return known ? { tcp: PortSet.fromNumbers(ports), udp: PortSet.EMPTY } : undefined;
}
function applicationRule(rule, classic, sink) {
    const ports = applicationPorts(rule, sink);
    const at = rule.at;
    for (const v of list(rule.get('targetFqdns'), 'targetFqdns', sink))
        host(v, ports, at, sink);
    for (const v of list(rule.get('targetUrls'), 'targetUrls', sink)) {
        if (v.t !== 'str')
            continue;
        const url = splitPath(v.v.trim());
        if (url.path !== undefined && url.path !== '/' && url.path !== '/*') {
            sink.problem(v.at, `the path of "${v.v}" is not compared, only its host`, 'notice', v.v);
        }
        host({ ...v, v: url.host }, ports, at, sink, v.v);
    }
    for (const v of list(rule.get('fqdnTags'), 'fqdnTags', sink)) {
        tag(v, 'fqdn-tag', classic, ports, at, sink);
    }
    for (const v of list(rule.get('webCategories'), 'webCategories', sink)) {
        if (v.t === 'str') {
            sink.problem(v.at, `web category "${v.v}" is not compared`, 'notice', v.v);
        }
    }
    for (const v of list(rule.get('destinationAddresses'), 'destinationAddresses', sink)) {
        address(v, ports, at, sink, classic);
    }
}
function networkRule(rule, classic, sink) {
    const ports = networkPorts(rule, classic ? 'protocols' : 'ipProtocols', sink);
    const at = rule.at;
    for (const v of list(rule.get('destinationAddresses'), 'destinationAddresses', sink)) {
        address(v, ports, at, sink, classic);
    }
    for (const v of list(rule.get('destinationFqdns'), 'destinationFqdns', sink)) {
        host(v, ports, at, sink);
    }
    for (const v of list(rule.get('destinationIpGroups'), 'destinationIpGroups', sink)) {
        if (v.t === 'str') {
            sink.problem(v.at, `the addresses of IP group "${v.v}" are not read`, 'notice', v.v);
        }
    }
}
/**
 * Ports of a network rule: its protocols (TCP, UDP, Any, ICMP) times its destination ports;
 * undefined when they cannot be known before deployment. Malformed values allow nothing.
 */
function networkPorts(rule, protocolKey, sink) {
    const protocolsVal = rule.get(protocolKey);
    const portsVal = rule.get('destinationPorts');
    if (protocolsVal === undefined || portsVal === undefined)
        return undefined;
    let tcp = false;
    let udp = false;
    const protocols = items(protocolsVal, protocolKey, sink);
    for (const p of protocols.items) {
        const name = azure_text(p)?.toLowerCase();
        if (name === 'tcp')
            tcp = true;
        else if (name === 'udp')
            udp = true;
        else if (name === 'any')
            tcp = udp = true;
        else if (name !== 'icmp') {
            sink.problem(p.at, `unknown protocol ${azure_describe(p)} (expected TCP, UDP, ICMP or Any)`, 'error');
        }
    }
    let set = PortSet.EMPTY;
    const ports = items(portsVal, 'destinationPorts', sink);
    for (const p of ports.items) {
        const written = p.t === 'str' ? p.v : p.t === 'num' ? String(p.v) : undefined;
        const parsed = written === undefined ? undefined : PortSet.parse(written);
        if (!parsed?.ok) {
            const message = parsed
                ? parsed.error
                : `a destination port must be a string, not ${azure_describe(p)}`;
            sink.problem(p.at, message, 'error', written);
            continue;
        }
        set = set.union(parsed.value);
    }
    if (!protocols.complete || !ports.complete)
        return undefined;
    return { tcp: tcp ? set : PortSet.EMPTY, udp: udp ? set : PortSet.EMPTY };
}
function host(v, ports, rule, sink, written) {
    if (v.t !== 'str') {
        sink.problem(v.at, `a host name must be a string, not ${azure_describe(v)}`, 'error');
        return;
    }
    const entryText = written ?? v.v.trim();
    const pattern = HostPattern.parse(v.v);
    const location = sink.location(v.at);
    if (!pattern.ok) {
        sink.problem(v.at, pattern.error, 'error', entryText);
        return;
    }
    sink.entry({
        kind: 'host',
        text: entryText,
        location,
        pattern: pattern.value,
        ports,
        comment: sink.comment(v.at, rule),
    });
}
function tag(v, context, classic, ports, rule, sink, 
/** What else the field could have held, for the message when it is not a tag. */
instead) {
    if (v.t !== 'str') {
        sink.problem(v.at, `a tag must be a string, not ${azure_describe(v)}`, 'error');
        return;
    }
    const name = v.v.trim();
    const what = context === 'fqdn-tag' ? 'FQDN tag' : 'service tag';
    const found = classifyReference(name, context);
    if (found === undefined) {
        const message = instead === 'rule-address'
            ? `"${name}" is not an address or a service tag (host names go in destinationFqdns)`
            : instead === 'address'
                ? `"${name}" is not an address or a service tag`
                : context === 'fqdn-tag'
                    ? `"${name}" is not an FQDN tag`
                    : `"${name}" is not a service tag`;
        sink.problem(v.at, message, 'error', name);
        return;
    }
    if (found.kind === 'invalid') {
        sink.problem(v.at, found.message, 'error', name);
        return;
    }
    if (found.kind === 'other-tag') {
        sink.problem(v.at, found.note, 'notice', name);
        return;
    }
    if (classic) {
        sink.problem(v.at, `${what} "${name}" works only in firewall policy rules, not in classic rule collections; it allows nothing here`, 'warning', name);
        return;
    }
    sink.entry({
        kind: 'reference',
        text: name,
        location: sink.location(v.at),
        reference: found.reference,
        ports,
        comment: sink.comment(v.at, rule),
    });
}
const ANY_V4 = parseIpBlock('0.0.0.0/0');
const ANY_V6 = parseIpBlock('::/0');
/**
 * An address field: addresses, prefixes, ranges, `*`, or service tags. `restriction` is the
 * access restriction that holds the address (which may give a subnet mask), if it is one.
 */
function address(v, ports, rule, sink, classic, restriction) {
    const inRule = restriction === undefined;
    const subnetMask = restriction?.get('subnetMask');
    if (v.t !== 'str') {
        sink.problem(v.at, `an address must be a string, not ${azure_describe(v)}`, 'error');
        return;
    }
    const written = v.v.trim();
    const comment = sink.comment(v.at, rule);
    const location = sink.location(v.at);
    if (written === '*' || written.toLowerCase() === 'any') {
        for (const any of [ANY_V4, ANY_V6]) {
            if (any.ok)
                sink.entry({ kind: 'ip', text: written, location, block: any.value, ports, comment });
        }
        return;
    }
    if (!/^[\d.:/a-fA-F\s-]+$/.test(written) || !/[\d:]/.test(written)) {
        tag(v, 'service-tag', classic, ports, rule, sink, inRule ? 'rule-address' : 'address');
        return;
    }
    let cidr = written;
    if (subnetMask?.t === 'str' && !written.includes('/')) {
        const length = maskLength(subnetMask.v.trim());
        if (length === undefined) {
            sink.problem(subnetMask.at, `"${subnetMask.v}" is not a subnet mask`, 'error', subnetMask.v);
            return;
        }
        cidr = `${written}/${length}`;
    }
    const block = parseIpBlock(cidr);
    if (!block.ok) {
        sink.problem(v.at, block.error, 'error', written);
        return;
    }
    sink.entry({ kind: 'ip', text: written, location, block: block.value, ports, comment });
}
/** `255.255.240.0` → 20; undefined unless the mask is contiguous ones. */
function maskLength(mask) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(mask);
    if (!m)
        return undefined;
    const octets = m.slice(1).map(Number);
    if (octets.some((o) => o > 255))
        return undefined;
    const bits = octets.map((o) => o.toString(2).padStart(8, '0')).join('');
    return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : undefined;
}
/**
 * An App Service / Functions / Container Apps access restriction. `Deny` rules and subnet rules
 * allow no internet destination; `ServiceTag` rules name service tags, possibly several.
 */
function restriction(r, sink) {
    if (r.t !== 'obj')
        return;
    const action = azure_text(r.get('action'));
    if (action !== undefined && action.toLowerCase() === 'deny')
        return;
    const addressVal = r.get('ipAddress') ?? r.get('ipAddressRange');
    if (addressVal === undefined || addressVal.t === 'null')
        return;
    if (addressVal.t === 'unknown') {
        unread(sink, addressVal);
        return;
    }
    const tagKind = azure_text(r.get('tag'))?.toLowerCase();
    if (addressVal.t !== 'str') {
        sink.problem(addressVal.at, `"ipAddress" must be a string, not ${azure_describe(addressVal)}`, 'error');
        return;
    }
    // Access restrictions take several service tags or addresses separated by commas.
    const parts = splitCommas(addressVal);
    for (const part of parts) {
        if (tagKind === 'servicetag')
            tag(part, 'service-tag', false, undefined, r.at, sink);
        else
            address(part, undefined, r.at, sink, false, r);
    }
}
function splitCommas(v) {
    if (!v.v.includes(','))
        return [v];
    const out = [];
    let offset = 0;
    for (const raw of v.v.split(',')) {
        const lead = raw.length - raw.trimStart().length;
        if (raw.trim() !== '') {
            const at = v.literal ? { line: v.at.line, column: v.at.column + offset + lead } : v.at;
            out.push({ t: 'str', v: raw.trim(), at, literal: v.literal });
        }
        offset += raw.length + 1;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/formats/syntax/comments.ts

/**
 * Comments by line, to attach to entries: a comment after code on the entry's line, else the
 * run of comment-only lines right above it (rules of `=` or `-` dropped).
 */
class LineComments {
    #own = new Map();
    #trailing = new Map();
    add(line, text, ownLine) {
        const body = text.trim();
        if (ownLine)
            this.#own.set(line, body);
        else if (isMeaningfulComment(body))
            this.#trailing.set(line, body);
    }
    at(line) {
        return this.#trailing.get(line) ?? this.above(line);
    }
    above(line) {
        const lines = [];
        for (let l = line - 1; l > 0 && this.#own.has(l); l--) {
            const text = this.#own.get(l);
            if (isMeaningfulComment(text))
                lines.push(text);
        }
        return lines.length > 0 ? lines.reverse().join('\n') : undefined;
    }
}
/** Comments by line: the one after the code on a line, or the comment lines right above it. */
class CommentIndex {
    #trailing = new Map();
    #own = new Map();
    #cache = new Map();
    constructor(comments) {
        for (const c of comments) {
            if (c.ownLine)
                this.#own.set(c.endLine, c);
            else {
                const before = this.#trailing.get(c.line);
                this.#trailing.set(c.line, before === undefined ? c.text : `${before}\n${c.text}`);
            }
        }
    }
    at(line) {
        // Many entries can share a line; each line's comment is worked out once.
        if (this.#cache.has(line))
            return this.#cache.get(line);
        const trailing = this.#trailing.get(line);
        let found;
        if (trailing !== undefined && isMeaningfulComment(trailing))
            found = trailing;
        else {
            const above = [];
            for (let c = this.#own.get(line - 1); c; c = this.#own.get(c.line - 1)) {
                if (isMeaningfulComment(c.text))
                    above.push(c.text);
            }
            if (above.length > 0)
                found = above.reverse().join('\n');
        }
        this.#cache.set(line, found);
        return found;
    }
}

;// CONCATENATED MODULE: ./src/formats/allowlist/arm.ts







/**
 * Azure Resource Manager templates. A template is evaluated only as far as it can be without
 * deploying: literals, parameter defaults, variables, `concat`-style functions and copy loops.
 * Whatever needs a deployment (a parameter without a default, `reference()`, most functions)
 * becomes a notice where the entries were expected, never a guess. The resources it yields are
 * read by the Azure resource model shared with Bicep (`syntax/azure.ts`).
 */
// ── the ARM template format ─────────────────────────────────────────────────
const arm_SAMPLE_CHARS = 64 * 1024;
const TEMPLATE_SCHEMA = /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/i;
const RESOURCE_TYPE = /"type"\s*:\s*"Microsoft\.[A-Za-z]+\/[^"]+"/i;
function detect(file) {
    const path = file.path.toLowerCase();
    if (!path.endsWith('.json') && !path.endsWith('.jsonc'))
        return 0;
    const head = file.text.slice(0, arm_SAMPLE_CHARS);
    if (TEMPLATE_SCHEMA.test(head))
        return 10;
    return /"resources"\s*:/.test(head) && /"apiVersion"\s*:/.test(head) && RESOURCE_TYPE.test(head)
        ? 6
        : 0;
}
/**
 * Blanks out `//` and `/* *\/` comments (which ARM templates may carry) so that the JSON parser
 * sees plain JSON at unchanged offsets, and returns them for attaching to entries.
 */
function stripJsonComments(text) {
    const comments = [];
    let unterminated;
    let out = '';
    let copied = 0;
    let line = 1;
    let lineStart = 0;
    let codeOnLine = false;
    const n = text.length;
    for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
            line++;
            lineStart = i + 1;
            codeOnLine = false;
        }
        else if (c === 34) {
            codeOnLine = true;
            for (i++; i < n; i++) {
                const d = text.charCodeAt(i);
                if (d === 92)
                    i++;
                else if (d === 34 || d === 10)
                    break;
            }
            if (text.charCodeAt(i) === 10)
                i--;
        }
        else if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
            const block = text.charCodeAt(i + 1) === 42;
            const close = block ? text.indexOf('*/', i + 2) : -1;
            const newline = text.indexOf('\n', i);
            const end = block ? (close < 0 ? n : close + 2) : newline < 0 ? n : newline;
            const body = text.slice(i + 2, block && close >= 0 ? close : end);
            const startLine = line;
            if (block && close < 0)
                unterminated = { line, column: i - lineStart + 1 };
            out += text.slice(copied, i) + text.slice(i, end).replace(/[^\n]/g, ' ');
            copied = end;
            for (let j = i; j < end; j++) {
                if (text.charCodeAt(j) === 10) {
                    line++;
                    lineStart = j + 1;
                }
            }
            comments.push({
                line: startLine,
                endLine: line,
                text: body.replace(/^[ \t]*(?:\*+[ \t]?)?/gm, '').trim(),
                ownLine: !codeOnLine,
            });
            if (line !== startLine)
                codeOnLine = false;
            i = end - 1;
        }
        else if (c !== 32 && c !== 9 && c !== 13) {
            codeOnLine = true;
        }
    }
    const json = copied === 0 ? text : out + text.slice(copied);
    return unterminated ? { json, comments, unterminated } : { json, comments };
}
const ROOT_SCOPE = { copies: new Map() };
/** Deeper than this, a value is read as null: no template nests so deep, and recursion is bounded. */
const MAX_JSON_DEPTH = 256;
/**
 * Reads text that `JSON.parse` accepted into nodes with offsets. A few times faster than a YAML
 * parser on large templates, which matters because generated templates run to tens of thousands
 * of lines.
 */
function readJson(text, duplicate) {
    let i = 0;
    const space = () => {
        for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;) {
            c = text.charCodeAt(++i);
        }
    };
    const string = () => {
        const start = i;
        let escaped = false;
        for (i++; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 92) {
                escaped = true;
                i++;
            }
            else if (c === 34)
                break;
        }
        i++;
        const raw = text.slice(start, i);
        const v = escaped ? JSON.parse(raw) : raw.slice(1, -1);
        return { k: 'str', start, v, quoted: true, literal: !escaped };
    };
    const value = (depth) => {
        space();
        const start = i;
        const c = text[i];
        if (c === '"')
            return string();
        if (c === '{' || c === '[') {
            if (depth > MAX_JSON_DEPTH) {
                skipNested();
                return { k: 'null', start };
            }
            i++;
            space();
            if (c === '[') {
                const items = [];
                while (text[i] !== ']' && i < text.length) {
                    items.push(value(depth + 1));
                    space();
                    if (text[i] === ',')
                        i++;
                    space();
                }
                i++;
                return { k: 'arr', start, items };
            }
            const pairs = [];
            // Azure compares property names case-insensitively, so `Name` repeats `name`.
            const seen = new Set();
            while (text[i] !== '}' && i < text.length) {
                space();
                const keyNode = string();
                const lower = keyNode.v.toLowerCase();
                if (seen.has(lower))
                    duplicate(keyNode);
                seen.add(lower);
                space();
                i++; // ':'
                pairs.push({ key: keyNode.v, lower, keyNode, value: value(depth + 1) });
                space();
                if (text[i] === ',')
                    i++;
                space();
            }
            i++;
            return { k: 'obj', start, pairs };
        }
        if (text.startsWith('true', i) || text.startsWith('false', i)) {
            const v = c === 't';
            i += v ? 4 : 5;
            return { k: 'bool', start, v };
        }
        if (text.startsWith('null', i)) {
            i += 4;
            return { k: 'null', start };
        }
        arm_JSON_NUMBER.lastIndex = i;
        const m = arm_JSON_NUMBER.exec(text);
        i = m ? arm_JSON_NUMBER.lastIndex : i + 1;
        return { k: 'num', start, v: m ? Number(m[0]) : 0 };
    };
    /** Past a container too deep to read, counting brackets outside strings. */
    const skipNested = () => {
        let depth = 0;
        for (; i < text.length; i++) {
            const c = text[i];
            if (c === '"') {
                string();
                i--;
            }
            else if (c === '{' || c === '[')
                depth++;
            else if (c === '}' || c === ']') {
                if (--depth === 0) {
                    i++;
                    return;
                }
            }
        }
    };
    return value(0);
}
const arm_JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** The document a YAML parser made of broken JSON, as nodes: its best guess, read quietly. */
function fromYaml(node, text, depth = 0) {
    const start = node?.range?.[0] ?? 0;
    if (depth > MAX_JSON_DEPTH)
        return { k: 'null', start };
    if ((0,dist/* isScalar */.jn)(node)) {
        const v = node.value;
        if (typeof v === 'string') {
            const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
            const end = node.range?.[1] ?? start;
            return { k: 'str', start, v, quoted, literal: text.slice(start + 1, end - 1) === v };
        }
        if (typeof v === 'number')
            return { k: 'num', start, v };
        if (typeof v === 'boolean')
            return { k: 'bool', start, v };
        return { k: 'null', start };
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        return { k: 'arr', start, items: node.items.map((n) => fromYaml(n, text, depth + 1)) };
    }
    if ((0,dist/* isMap */.jh)(node)) {
        const pairs = node.items.map((pair) => {
            const keyNode = fromYaml(pair.key, text, depth + 1);
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            return {
                key,
                lower: key.toLowerCase(),
                keyNode,
                value: fromYaml(pair.value, text, depth + 1),
            };
        });
        return { k: 'obj', start, pairs };
    }
    return { k: 'null', start };
}
function member(node, key) {
    if (node?.k !== 'obj')
        return undefined;
    const lower = key.toLowerCase();
    return node.pairs.findLast((p) => p.lower === lower)?.value;
}
// ── templates ───────────────────────────────────────────────────────────────
/** A template's parameters and variables, and the conversion of its nodes into values. */
class Template {
    lines;
    #params = new Map();
    #variables = new Map();
    #variableCopies = new Map();
    #memo = new Map();
    #busy = new Set();
    #settings;
    constructor(lines, root, settings) {
        this.lines = lines;
        const parameters = settings?.parameters;
        this.#settings =
            parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters)
                ? parameters
                : undefined;
        const params = member(root, 'parameters');
        if (params?.k === 'obj') {
            for (const pair of params.pairs) {
                this.#params.set(pair.key.toLowerCase(), member(pair.value, 'defaultValue') ?? null);
            }
        }
        const variables = member(root, 'variables');
        if (variables?.k === 'obj') {
            for (const pair of variables.pairs) {
                if (pair.key.toLowerCase() === 'copy' && pair.value.k === 'arr') {
                    for (const loop of pair.value.items) {
                        const loopName = member(loop, 'name');
                        if (loopName?.k === 'str')
                            this.#variableCopies.set(loopName.v.toLowerCase(), loop);
                    }
                }
                else {
                    this.#variables.set(pair.key.toLowerCase(), pair.value);
                }
            }
        }
    }
    position(node) {
        if (!node)
            return { line: 1, column: 1 };
        const pos = this.lines.at(node.start);
        return node.k === 'str' && node.quoted ? { line: pos.line, column: pos.column + 1 } : pos;
    }
    value(node, scope, depth = 0) {
        const at = this.position(node);
        if (!node)
            return { t: 'null', at };
        if (depth > azure_MAX_DEPTH)
            return azure_unknown(at, 'the template is nested too deeply to read');
        switch (node.k) {
            case 'str':
                if (node.v.startsWith('[['))
                    return { t: 'str', v: node.v.slice(1), at, literal: false };
                if (node.v.startsWith('[') && node.v.endsWith(']')) {
                    return this.expression(node.v.slice(1, -1), at, scope);
                }
                return { t: 'str', v: node.v, at, literal: node.literal };
            case 'num':
                return { t: 'num', v: node.v, at };
            case 'bool':
                return { t: 'bool', v: node.v, at };
            case 'null':
                return { t: 'null', at };
            case 'arr':
                return {
                    t: 'arr',
                    items: node.items.map((item) => this.value(item, scope, depth + 1)),
                    at,
                };
            case 'obj':
                return this.object(node, at, scope, depth);
        }
    }
    /**
     * An object whose properties are evaluated when first asked for; small, because generated
     * templates hold tens of thousands of objects.
     */
    object(node, at, scope, depth) {
        const pairs = node.pairs;
        const values = [];
        // Property copy loops: `"copy": [{"name": "rules", "count": ..., "input": {...}}]` makes
        // the property `rules`.
        let loops;
        const isLoops = (p) => p.lower === 'copy' && p.value.k === 'arr';
        for (const pair of pairs) {
            if (!isLoops(pair) || pair.value.k !== 'arr')
                continue;
            for (const loop of pair.value.items) {
                const loopName = member(loop, 'name');
                if (loopName?.k !== 'str')
                    continue;
                loops ??= new Map();
                loops.set(loopName.v.toLowerCase(), { name: loopName.v, loop });
            }
        }
        // Small objects are searched; large ones (thousands of settings) get an index once.
        let index;
        const find = (lower) => {
            if (pairs.length <= 16)
                return pairs.findLastIndex((p) => p.lower === lower && !isLoops(p));
            if (!index) {
                index = new Map();
                pairs.forEach((p, i) => {
                    if (!isLoops(p))
                        index.set(p.lower, i);
                });
            }
            return index.get(lower) ?? -1;
        };
        let keys;
        return {
            t: 'obj',
            at,
            keys: () => (keys ??= [
                ...pairs.filter((p) => !isLoops(p)).map((p) => p.key),
                ...[...(loops?.values() ?? [])].map((l) => l.name),
            ]),
            get: (key) => {
                const lower = key.toLowerCase();
                const i = find(lower);
                if (i >= 0)
                    return (values[i] ??= this.value(pairs[i].value, scope, depth + 1));
                const loop = loops?.get(lower);
                if (!loop)
                    return undefined;
                return (loop.value ??= this.copyLoop(loop.loop, scope, depth));
            },
            keyAt: (key) => {
                const lower = key.toLowerCase();
                const i = find(lower);
                if (i >= 0)
                    return this.position(pairs[i].keyNode);
                const loop = loops?.get(lower);
                return loop ? this.position(member(loop.loop, 'name')) : undefined;
            },
        };
    }
    copyLoop(loop, scope, depth) {
        const at = this.position(loop);
        const nameNode = member(loop, 'name');
        const name = nameNode?.k === 'str' ? nameNode.v : '';
        const count = this.value(member(loop, 'count'), scope, depth + 1);
        if (count.t === 'unknown')
            return count;
        if (count.t !== 'num' || count.v < 0 || count.v > MAX_ITEMS) {
            return azure_unknown(count.at, `the count of copy loop "${name}" cannot be read; its entries are not checked`);
        }
        const input = member(loop, 'input');
        const items = [];
        for (let i = 0; i < count.v; i++) {
            const copies = new Map(scope.copies);
            copies.set(name.toLowerCase(), i);
            items.push(this.value(input, { copies }, depth + 1));
        }
        return { t: 'arr', items, at };
    }
    /** The resources to read, each copy of a resource loop on its own. */
    resources(root) {
        const node = member(root, 'resources');
        const nodes = node?.k === 'arr' ? node.items : node?.k === 'obj' ? node.pairs.map((p) => p.value) : [];
        const out = [];
        for (const resource of nodes) {
            const loop = member(resource, 'copy');
            if (loop?.k !== 'obj') {
                out.push(this.value(resource, ROOT_SCOPE));
                continue;
            }
            const nameNode = member(loop, 'name');
            const name = nameNode?.k === 'str' ? nameNode.v.toLowerCase() : '';
            const count = this.value(member(loop, 'count'), ROOT_SCOPE);
            if (count.t !== 'num' || count.v < 0 || count.v > MAX_ITEMS) {
                // Read once with an unknown index: literal rules still count.
                out.push(this.value(resource, ROOT_SCOPE));
                continue;
            }
            for (let i = 0; i < count.v; i++) {
                const copies = new Map([
                    [name, i],
                    ['', i],
                ]);
                out.push(this.value(resource, { copies }));
            }
        }
        return out;
    }
    parameter(name, at) {
        const lower = name.toLowerCase();
        if (this.#settings) {
            const key = Object.keys(this.#settings).find((k) => k.toLowerCase() === lower);
            if (key !== undefined)
                return fromPlain(this.#settings[key], at);
        }
        if (!this.#params.has(lower))
            return wrong(at, `parameter "${name}" is not declared`);
        const node = this.#params.get(lower);
        if (node === null || node === undefined)
            return azure_unknown(at, noDefaultWhy(name));
        return this.memoised(`parameter "${name}"`, at, () => this.value(node, ROOT_SCOPE));
    }
    variable(name, at) {
        const lower = name.toLowerCase();
        const loop = this.#variableCopies.get(lower);
        const key = `variable "${name}"`;
        if (loop)
            return this.memoised(key, at, () => this.copyLoop(loop, ROOT_SCOPE, 0));
        if (!this.#variables.has(lower))
            return wrong(at, `variable "${name}" is not declared`);
        const node = this.#variables.get(lower);
        return this.memoised(key, at, () => this.value(node, ROOT_SCOPE));
    }
    /** Each variable and parameter is evaluated once; a chain of them is bounded like nesting. */
    memoised(key, at, compute) {
        const done = this.#memo.get(key);
        if (done)
            return done;
        if (this.#busy.has(key))
            return azure_unknown(at, `${key} refers to itself`);
        if (this.#busy.size >= azure_MAX_DEPTH) {
            return azure_unknown(at, `${key} is defined through too many other values to read`);
        }
        this.#busy.add(key);
        const value = compute();
        this.#busy.delete(key);
        this.#memo.set(key, value);
        return value;
    }
    expression(source, at, scope) {
        let ast;
        try {
            ast = new ExpressionParser(source).parse();
        }
        catch (e) {
            if (!(e instanceof ExpressionError))
                throw e;
            return wrong(at, `${quoteExpression(`[${source}]`)} is not a valid expression: ${e.message}`);
        }
        return this.evaluate(ast, at, scope, `[${source}]`);
    }
    evaluate(ax, at, scope, source) {
        switch (ax.k) {
            case 'str':
                return { t: 'str', v: ax.v, at, literal: false };
            case 'num':
                return { t: 'num', v: ax.v, at };
            case 'member': {
                const obj = this.evaluate(ax.obj, at, scope, source);
                if (obj.t === 'unknown')
                    return obj;
                return (obj.t === 'obj' ? obj.get(ax.name) : undefined) ?? azure_unknown(at, computedWhy(source));
            }
            case 'index': {
                const obj = this.evaluate(ax.obj, at, scope, source);
                const index = this.evaluate(ax.index, at, scope, source);
                if (obj.t === 'unknown')
                    return obj;
                if (index.t === 'unknown')
                    return index;
                if (obj.t === 'arr' && index.t === 'num')
                    return obj.items[index.v] ?? azure_unknown(at, computedWhy(source));
                if (obj.t === 'obj' && index.t === 'str')
                    return obj.get(index.v) ?? azure_unknown(at, computedWhy(source));
                return azure_unknown(at, computedWhy(source));
            }
            case 'call': {
                const name = ax.name.toLowerCase();
                if (name === 'true' || name === 'false')
                    return { t: 'bool', v: name === 'true', at };
                if (name === 'null')
                    return { t: 'null', at };
                if (name === 'if' && ax.args.length === 3) {
                    const [, a, b] = ax.args.map((arg) => this.evaluate(arg, at, scope, source));
                    return eitherBranch(a, b, at, computedWhy(source));
                }
                if (name === 'copyindex') {
                    const first = ax.args[0];
                    const loop = first?.k === 'str' ? first.v.toLowerCase() : '';
                    const offsetAx = first?.k === 'str' ? ax.args[1] : first;
                    const offset = offsetAx?.k === 'num' ? offsetAx.v : 0;
                    const index = scope.copies.get(loop);
                    return index === undefined
                        ? azure_unknown(at, computedWhy(source))
                        : { t: 'num', v: index + offset, at };
                }
                const args = ax.args.map((arg) => this.evaluate(arg, at, scope, source));
                const first = args[0];
                if ((name === 'parameters' || name === 'variables') && first?.t === 'str') {
                    return name === 'parameters' ? this.parameter(first.v, at) : this.variable(first.v, at);
                }
                return pureCall(name, args, at) ?? azure_unknown(at, computedWhy(source));
            }
        }
    }
}
class ExpressionError extends Error {
}
/** `concat(parameters('a'), variables('b'))[0].name`: calls, strings, numbers, members, indexes. */
class ExpressionParser {
    s;
    #i = 0;
    #depth = 0;
    constructor(s) {
        this.s = s;
    }
    parse() {
        const ax = this.expr();
        this.space();
        if (this.#i < this.s.length)
            throw new ExpressionError(`unexpected "${this.s[this.#i]}"`);
        return ax;
    }
    space() {
        while (this.#i < this.s.length && /\s/.test(this.s[this.#i]))
            this.#i++;
    }
    expect(c) {
        this.space();
        if (this.s[this.#i] !== c) {
            const found = this.#i < this.s.length ? `"${this.s[this.#i]}"` : 'the end';
            throw new ExpressionError(`expected "${c}", found ${found}`);
        }
        this.#i++;
    }
    expr() {
        if (++this.#depth > 100)
            throw new ExpressionError('nested too deeply');
        let ax = this.primary();
        for (;;) {
            this.space();
            const c = this.s[this.#i];
            if (c === '.') {
                this.#i++;
                ax = { k: 'member', obj: ax, name: this.identifier() };
            }
            else if (c === '[') {
                this.#i++;
                const index = this.expr();
                this.expect(']');
                ax = { k: 'index', obj: ax, index };
            }
            else
                break;
        }
        this.#depth--;
        return ax;
    }
    identifier() {
        this.space();
        const m = /^[A-Za-z_$][\w$]*/.exec(this.s.slice(this.#i, this.#i + 200));
        if (!m)
            throw new ExpressionError('expected a name');
        this.#i += m[0].length;
        return m[0];
    }
    primary() {
        this.space();
        const c = this.s[this.#i];
        if (c === "'") {
            let v = '';
            for (this.#i++;; this.#i++) {
                if (this.#i >= this.s.length)
                    throw new ExpressionError('unterminated string');
                if (this.s[this.#i] === "'") {
                    if (this.s[this.#i + 1] !== "'")
                        break;
                    this.#i++;
                }
                v += this.s[this.#i];
            }
            this.#i++;
            return { k: 'str', v };
        }
        const num = /^-?\d+/.exec(this.s.slice(this.#i, this.#i + 20));
        if (num) {
            this.#i += num[0].length;
            return { k: 'num', v: Number(num[0]) };
        }
        let name = this.identifier();
        // Namespaced user functions: `ns.fn(...)`.
        while (this.s[this.#i] === '.' && /[A-Za-z_]/.test(this.s[this.#i + 1] ?? '')) {
            const save = this.#i;
            this.#i++;
            const next = this.identifier();
            this.space();
            if (this.s[this.#i] !== '(') {
                this.#i = save;
                break;
            }
            name = `${name}.${next}`;
        }
        this.expect('(');
        const args = [];
        this.space();
        if (this.s[this.#i] === ')')
            this.#i++;
        else {
            for (;;) {
                args.push(this.expr());
                this.space();
                if (this.s[this.#i] === ',') {
                    this.#i++;
                    continue;
                }
                this.expect(')');
                break;
            }
        }
        return { k: 'call', name, args };
    }
}
// ── parse ───────────────────────────────────────────────────────────────────
function parseArm(file, options) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: 'arm', entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const text = withoutBom(file.text);
    const { json, comments, unterminated } = stripJsonComments(text);
    const at = (pos) => ({
        file: file.path,
        ...pos,
    });
    let syntax = false;
    if (unterminated) {
        syntax = true;
        problems.push({ location: at(unterminated), message: 'unterminated comment' });
    }
    try {
        if (!syntax)
            JSON.parse(json);
    }
    catch {
        const error = jsonSyntaxError(json);
        if (error) {
            syntax = true;
            problems.push({
                location: at(positionOf(json, error.offset)),
                message: `invalid JSON: ${error.message}`,
            });
        }
    }
    const lines = new TextPositions(json);
    let root;
    if (syntax)
        root = fromYaml(parsePositioned(json).doc.contents, json);
    else {
        root = readJson(json, (key) => {
            syntax = true;
            problems.push({
                location: at(lines.at(key.start + 1)),
                message: `duplicate key "${key.v}"`,
            });
        });
    }
    if (root.k !== 'obj') {
        if (!syntax) {
            problems.push({
                location: at({ line: 1, column: 1 }),
                message: 'an ARM template must be an object with "resources"',
            });
        }
        return result;
    }
    const sink = new AzureSink(file.path, new CommentIndex(comments));
    const template = new Template(lines, root, options?.settings);
    collectAzureEntries(template.resources(root), sink);
    entries.push(...sink.entries);
    // After a syntax error the document is a guess: keep the entries that make sense, but do not
    // lecture about the shape of text the parser had to invent.
    if (!syntax)
        problems.push(...sink.problems);
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return result;
}
/**
 * Azure Resource Manager template (JSON, comments allowed): Azure Firewall policy rule collection
 * groups and classic rule collections (`targetFqdns`, `fqdnTags`, `destinationAddresses`,
 * `destinationFqdns`, `destinationPorts`, protocols), and App Service / Functions / Container Apps
 * `ipSecurityRestrictions`.
 *
 * Settings (`options:` of the allowlist entry):
 * - `parameters`: a mapping of parameter names to values, used instead of the template's defaults
 *   (what a parameters file would pass at deployment).
 */
const ARM = {
    id: 'arm',
    title: 'ARM template (JSON)',
    filePatterns: ['*.json', '*.jsonc'],
    capabilities: RULE_CAPABILITIES,
    detect,
    parse: parseArm,
};

;// CONCATENATED MODULE: ./src/formats/allowlist/bicep.ts




/**
 * Bicep files: a small tokenizer and parser that keep the position of every token, and an
 * evaluator that resolves what can be known without deploying (literals, variables, parameter
 * defaults, for-expressions, interpolation) into the resource values that `arm.ts` reads.
 * Linear in the size of the file: one pass to tokenize, one to parse, and each variable is
 * evaluated once.
 */
// ── tokens ──────────────────────────────────────────────────────────────────
var T;
(function (T) {
    T[T["Ident"] = 0] = "Ident";
    /** A whole string without interpolation. */
    T[T["Str"] = 1] = "Str";
    /** `'abc${`, `}def${`, `}ghi'`: the pieces of an interpolated string. */
    T[T["StrStart"] = 2] = "StrStart";
    T[T["StrMid"] = 3] = "StrMid";
    T[T["StrEnd"] = 4] = "StrEnd";
    T[T["Num"] = 5] = "Num";
    T[T["Punct"] = 6] = "Punct";
    T[T["Newline"] = 7] = "Newline";
    /** A string that was reported as malformed; its value is not used. */
    T[T["Bad"] = 8] = "Bad";
    T[T["Eof"] = 9] = "Eof";
})(T || (T = {}));
class SyntaxIssue {
    line;
    column;
    message;
    constructor(line, column, message) {
        this.line = line;
        this.column = column;
        this.message = message;
    }
}
const bicep_PUNCT3 = ['...'];
const bicep_PUNCT2 = ['=>', '==', '!=', '=~', '!~', '<=', '>=', '&&', '||', '??', '::', '.?'];
const bicep_PUNCT1 = '{}[](),:.?!=<>+-*/%|&@';
function isIdentStart(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isIdentPart(c) {
    return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c) {
    return c >= 48 && c <= 57;
}
function bicep_describeToken(t) {
    switch (t.type) {
        case T.Eof:
            return 'the end of the file';
        case T.Newline:
            return 'the end of the line';
        case T.Str:
        case T.StrStart:
        case T.Bad:
            return 'a string';
        default:
            return `"${t.value}"`;
    }
}
/** Splits the text into tokens and comments. Malformed strings and characters become problems. */
class Tokenizer {
    text;
    tokens = [];
    comments = [];
    issues = [];
    #i = 0;
    #line = 1;
    #lineStart = 0;
    #codeOnLine = false;
    /** Brace depth at which each open `${` started. */
    #interpolations = [];
    #braces = 0;
    constructor(text) {
        this.text = text;
        this.run();
    }
    /** `valueOffset` is how far into the token a string's content starts. */
    push(type, value, start, valueOffset = 0, literal = false) {
        const column = start - this.#lineStart + 1;
        this.tokens.push({
            type,
            value,
            start,
            end: this.#i,
            line: this.#line,
            column,
            valueLine: this.#line,
            valueColumn: column + valueOffset,
            literal,
        });
        if (type !== T.Newline)
            this.#codeOnLine = true;
    }
    newline(at) {
        this.#line++;
        this.#lineStart = at + 1;
        this.#codeOnLine = false;
    }
    run() {
        const s = this.text;
        const n = s.length;
        while (this.#i < n) {
            const start = this.#i;
            const c = s.charCodeAt(start);
            if (c === 10) {
                this.#i++;
                this.push(T.Newline, '\n', start);
                this.newline(start);
            }
            else if (c === 32 ||
                c === 9 ||
                c === 13 ||
                c === 0xa0 ||
                c === 0xfeff ||
                c === 11 ||
                c === 12) {
                this.#i++;
            }
            else if (c === 35 && !this.#codeOnLine) {
                // `#disable-next-line rule`: a directive to the linter, to the end of the line.
                const newline = s.indexOf('\n', start);
                this.#i = newline < 0 ? n : newline;
            }
            else if (c === 47 && s.charCodeAt(start + 1) === 47) {
                const newline = s.indexOf('\n', start);
                const end = newline < 0 ? n : newline;
                this.comments.push({
                    line: this.#line,
                    endLine: this.#line,
                    text: s.slice(start + 2, end).trim(),
                    ownLine: !this.#codeOnLine,
                });
                this.#i = end;
            }
            else if (c === 47 && s.charCodeAt(start + 1) === 42) {
                this.blockComment(start);
            }
            else if (c === 39) {
                if (s.startsWith("'''", start))
                    this.multiline(start);
                else
                    this.string(start, true);
            }
            else if (isIdentStart(c)) {
                let i = start + 1;
                while (i < n && isIdentPart(s.charCodeAt(i)))
                    i++;
                this.#i = i;
                this.push(T.Ident, s.slice(start, i), start);
            }
            else if (isDigit(c)) {
                let i = start + 1;
                while (i < n && isDigit(s.charCodeAt(i)))
                    i++;
                if (s.charCodeAt(i) === 46 && isDigit(s.charCodeAt(i + 1))) {
                    i += 2;
                    while (i < n && isDigit(s.charCodeAt(i)))
                        i++;
                }
                this.#i = i;
                this.push(T.Num, s.slice(start, i), start);
            }
            else if (c === 125 &&
                this.#interpolations.length > 0 &&
                this.#braces === this.#interpolations[this.#interpolations.length - 1]) {
                // The `}` that closes an interpolation: the string goes on.
                this.#interpolations.pop();
                this.#braces--;
                this.string(start, false);
            }
            else {
                this.punct(start);
            }
        }
        this.push(T.Eof, '', n);
    }
    punct(start) {
        const s = this.text;
        const three = s.slice(start, start + 3);
        const two = s.slice(start, start + 2);
        let value;
        if (bicep_PUNCT3.includes(three))
            value = three;
        else if (bicep_PUNCT2.includes(two) && (two !== '.?' || isIdentStart(s.charCodeAt(start + 2))))
            value = two;
        else if (bicep_PUNCT1.includes(s[start]))
            value = s[start];
        else {
            const ch = String.fromCodePoint(s.codePointAt(start));
            this.#i = start + ch.length;
            this.issues.push(new SyntaxIssue(this.#line, start - this.#lineStart + 1, `unexpected character ${JSON.stringify(ch)}`));
            return;
        }
        this.#i = start + value.length;
        if (value === '{')
            this.#braces++;
        else if (value === '}')
            this.#braces--;
        this.push(T.Punct, value, start);
    }
    blockComment(start) {
        const s = this.text;
        const close = s.indexOf('*/', start + 2);
        const end = close < 0 ? s.length : close + 2;
        const line = this.#line;
        const ownLine = !this.#codeOnLine;
        if (close < 0) {
            this.issues.push(new SyntaxIssue(line, start - this.#lineStart + 1, 'unterminated comment'));
        }
        for (let i = s.indexOf('\n', start); i !== -1 && i < end; i = s.indexOf('\n', i + 1))
            this.newline(i);
        this.comments.push({
            line,
            endLine: this.#line,
            text: s
                .slice(start + 2, close < 0 ? end : close)
                .replace(/^[ \t]*(?:\*+[ \t]?)?/gm, '')
                .trim(),
            ownLine,
        });
        // A comment that ends a line leaves the next line without code.
        if (this.#line !== line)
            this.#codeOnLine = false;
        this.#i = end;
    }
    multiline(start) {
        const s = this.text;
        const close = s.indexOf("'''", start + 3);
        const line = this.#line;
        const column = start - this.#lineStart + 1;
        let contentStart = start + 3;
        // A line break right after the opening quotes is not part of the value.
        if (s.charCodeAt(contentStart) === 13 && s.charCodeAt(contentStart + 1) === 10)
            contentStart += 2;
        else if (s.charCodeAt(contentStart) === 10)
            contentStart += 1;
        if (close < 0) {
            this.issues.push(new SyntaxIssue(line, column, "unterminated multi-line string (''')"));
        }
        let end = close < 0 ? s.length : close + 3;
        // `''''` and more: the last three quotes close the string.
        while (close >= 0 && s.charCodeAt(end) === 39)
            end++;
        const value = s.slice(contentStart, close < 0 ? end : end - 3);
        const before = contentStart === start + 3 ? { line, column: column + 3 } : { line: line + 1, column: 1 };
        for (let i = s.indexOf('\n', start); i !== -1 && i < end; i = s.indexOf('\n', i + 1))
            this.newline(i);
        this.#i = end;
        this.tokens.push({
            type: close < 0 ? T.Bad : T.Str,
            value,
            start,
            end,
            line,
            column,
            valueLine: before.line,
            valueColumn: before.column,
            literal: false,
        });
        this.#codeOnLine = true;
    }
    /** From an opening quote, or from the `}` that ends an interpolation, to the next `'` or `${`. */
    string(start, opening) {
        const s = this.text;
        const n = s.length;
        const line = this.#line;
        const column = start - this.#lineStart + 1;
        let value = '';
        let escapes = false;
        let i = start + 1;
        // Plain runs are copied as slices, so long strings cost one pass.
        let run = i;
        for (;;) {
            const c = s.charCodeAt(i);
            if (i >= n || c === 10) {
                this.issues.push(new SyntaxIssue(line, column, 'unterminated string'));
                this.#i = i;
                this.push(T.Bad, value + s.slice(run, i), start);
                // Inside an interpolation that never closed: give up on the interpolation too.
                this.#interpolations.length = 0;
                this.#braces = 0;
                return;
            }
            if (c === 39) {
                this.#i = i + 1;
                value += s.slice(run, i);
                this.push(opening ? T.Str : T.StrEnd, value, start, 1, opening && !escapes);
                return;
            }
            if (c === 36 && s.charCodeAt(i + 1) === 123) {
                this.#i = i + 2;
                this.push(opening ? T.StrStart : T.StrMid, value + s.slice(run, i), start, 1);
                this.#braces++;
                this.#interpolations.push(this.#braces);
                return;
            }
            if (c !== 92) {
                i++;
                continue;
            }
            value += s.slice(run, i);
            escapes = true;
            const e = s[i + 1];
            const simple = e === undefined ? undefined : bicep_ESCAPES.get(e);
            const unicode = e === 'u' ? /^u\{([0-9a-fA-F]{1,6})\}/.exec(s.slice(i + 1, i + 11)) : null;
            if (simple !== undefined) {
                value += simple;
                i += 2;
            }
            else if (unicode && Number.parseInt(unicode[1], 16) <= 0x10ffff) {
                value += String.fromCodePoint(Number.parseInt(unicode[1], 16));
                i += 1 + unicode[0].length;
            }
            else {
                const message = `invalid escape "${s.slice(i, i + 2)}" in a string`;
                this.issues.push(new SyntaxIssue(this.#line, i - this.#lineStart + 1, message));
                i += e === undefined || e === '\n' ? 1 : 2;
            }
            run = i;
        }
    }
}
const bicep_ESCAPES = new Map([
    ['\\', '\\'],
    ["'", "'"],
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t'],
    ['$', '$'],
]);
function distinctKeys(props) {
    const seen = new Set();
    const keys = [];
    for (const p of props) {
        if (p.key === undefined || seen.has(p.lower))
            continue;
        seen.add(p.lower);
        keys.push(p.key);
    }
    return keys;
}
/** Declarations that are read for their shape only, and skipped to the end of the statement. */
const SKIPPED = new Set([
    'output',
    'type',
    'func',
    'metadata',
    'targetScope',
    'import',
    'using',
    'extension',
    'provider',
    'assert',
]);
const KEYWORDS = new Set(['param', 'var', 'resource', 'module', ...SKIPPED]);
const MAX_NESTING = 200;
const bicep_BINARY = [
    ['??'],
    ['||'],
    ['&&'],
    ['==', '!=', '=~', '!~'],
    ['<', '>', '<=', '>='],
    ['+', '-'],
    ['*', '/', '%'],
];
class bicep_Parser {
    tokens;
    program = {
        params: new Map(),
        vars: new Map(),
        symbols: new Set(),
        imports: new Set(),
        bodies: [],
    };
    issues = [];
    #i = 0;
    #depth = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    peek(offset = 0) {
        return this.tokens[Math.min(this.#i + offset, this.tokens.length - 1)];
    }
    next() {
        const t = this.peek();
        if (t.type !== T.Eof)
            this.#i++;
        return t;
    }
    get lastEnd() {
        return this.tokens[this.#i - 1]?.end ?? 0;
    }
    is(value, offset = 0) {
        const t = this.peek(offset);
        return t.type === T.Punct && t.value === value;
    }
    isWord(value, offset = 0) {
        const t = this.peek(offset);
        return t.type === T.Ident && t.value === value;
    }
    fail(t, message) {
        throw new SyntaxIssue(t.line, t.column, message);
    }
    expect(value, what) {
        const t = this.peek();
        if (t.type === T.Punct && t.value === value)
            return this.next();
        return this.fail(t, `expected "${value}" ${what}, found ${bicep_describeToken(t)}`);
    }
    identifier(what) {
        const t = this.peek();
        if (t.type === T.Ident)
            return this.next();
        return this.fail(t, `expected ${what}, found ${bicep_describeToken(t)}`);
    }
    skipNewlines() {
        while (this.peek().type === T.Newline)
            this.#i++;
    }
    parse() {
        for (;;) {
            this.skipNewlines();
            const t = this.peek();
            if (t.type === T.Eof)
                break;
            const before = this.#i;
            try {
                if (this.statement() === 'decorator')
                    continue;
                const after = this.peek();
                if (after.type !== T.Newline && after.type !== T.Eof) {
                    this.fail(after, `expected a new line after the declaration, found ${bicep_describeToken(after)}`);
                }
            }
            catch (e) {
                if (!(e instanceof SyntaxIssue))
                    throw e;
                this.issues.push(e);
                if (this.#i === before)
                    this.#i++;
                this.recoverStatement();
            }
        }
        return this.program;
    }
    /** Skips to the next line that starts with a declaration keyword or a decorator in column 1. */
    recoverStatement() {
        for (;;) {
            const t = this.peek();
            if (t.type === T.Eof)
                return;
            if (t.type === T.Newline) {
                const after = this.peek(1);
                if (after.column === 1 &&
                    ((after.type === T.Ident && KEYWORDS.has(after.value)) ||
                        (after.type === T.Punct && after.value === '@'))) {
                    this.#i++;
                    return;
                }
            }
            this.#i++;
        }
    }
    statement() {
        const t = this.peek();
        if (t.type === T.Punct && t.value === '@') {
            // A decorator: read and ignored (descriptions, allowed values, secure, batch sizes).
            this.next();
            this.postfix();
            return 'decorator';
        }
        if (t.type !== T.Ident) {
            this.fail(t, `expected a declaration such as param, var or resource, found ${bicep_describeToken(t)}`);
        }
        switch (t.value) {
            case 'param':
                return this.param();
            case 'var':
                return this.variable();
            case 'resource':
                this.resource();
                return;
            case 'module':
                return this.module();
            default:
                if (t.value === 'import')
                    return this.importStatement();
                if (SKIPPED.has(t.value))
                    return this.skipStatement();
                this.fail(t, `expected a declaration such as param, var or resource, found "${t.value}"`);
        }
    }
    /** Records the names an import brings in (`{ a, b as c }`, `* as ns`), then skips the rest. */
    importStatement() {
        this.next();
        let depth = 0;
        for (;;) {
            const t = this.peek();
            if (t.type === T.Eof || (t.type === T.Newline && depth <= 0))
                break;
            if (t.type === T.Ident && t.value === 'from' && depth <= 0)
                break;
            if (t.type === T.Punct && t.value === '{')
                depth++;
            else if (t.type === T.Punct && t.value === '}')
                depth--;
            // In `a as b` and `* as ns` the name after `as` is the one in scope.
            else if (t.type === T.Ident && t.value !== 'as' && !this.isWord('as', 1)) {
                this.program.imports.add(t.value);
            }
            this.#i++;
        }
        this.skipStatement();
    }
    /** To the end of the statement: the first line break outside brackets. */
    skipStatement() {
        let depth = 0;
        for (;;) {
            const t = this.peek();
            if (t.type === T.Eof)
                return;
            if (t.type === T.Newline && depth <= 0)
                return;
            if (t.type === T.Punct) {
                if (t.value === '(' || t.value === '[' || t.value === '{')
                    depth++;
                else if (t.value === ')' || t.value === ']' || t.value === '}')
                    depth--;
            }
            else if (t.type === T.StrStart)
                depth++;
            else if (t.type === T.StrEnd)
                depth--;
            this.#i++;
        }
    }
    /** A type (`string`, `string[]`, `{ a: int }`, `'a' | 'b'`), read up to `=` or the end of the line. */
    skipType() {
        let depth = 0;
        for (;;) {
            const t = this.peek();
            if (t.type === T.Eof)
                return;
            if (depth <= 0 && (t.type === T.Newline || (t.type === T.Punct && t.value === '=')))
                return;
            if (t.type === T.Punct) {
                if (t.value === '(' || t.value === '[' || t.value === '{')
                    depth++;
                else if (t.value === ')' || t.value === ']' || t.value === '}')
                    depth--;
            }
            this.#i++;
        }
    }
    param() {
        this.next();
        const name = this.identifier('a parameter name').value;
        this.skipType();
        let value;
        if (this.is('=')) {
            this.next();
            value = this.expression();
        }
        this.program.params.set(name, { name, value });
    }
    variable() {
        this.next();
        const name = this.identifier('a variable name').value;
        this.skipType();
        this.expect('=', 'after the variable name');
        this.program.vars.set(name, this.expression());
    }
    /** `resource sym 'type@version' [existing] = [if (cond)] body`; returns the symbol. */
    resource() {
        this.next();
        const symbol = this.identifier('a resource name').value;
        this.program.symbols.add(symbol);
        const type = this.peek();
        if (type.type !== T.Str)
            this.fail(type, `expected the resource type as a string, found ${bicep_describeToken(type)}`);
        this.next();
        const existing = this.isWord('existing');
        if (existing)
            this.next();
        this.expect('=', 'after the resource type');
        const body = this.conditional();
        if (!existing)
            this.program.bodies.push(body);
    }
    module() {
        this.next();
        const symbol = this.identifier('a module name').value;
        this.program.symbols.add(symbol);
        const path = this.peek();
        if (path.type !== T.Str)
            this.fail(path, `expected the module path as a string, found ${bicep_describeToken(path)}`);
        this.next();
        this.expect('=', 'after the module path');
        this.program.bodies.push(this.conditional());
    }
    /** A body with an optional `if (condition)`, which is not evaluated: either way may deploy. */
    conditional() {
        if (this.isWord('if')) {
            this.next();
            this.expect('(', 'after "if"');
            this.skipNewlines();
            this.expression();
            this.skipNewlines();
            this.expect(')', 'after the condition');
        }
        return this.expression();
    }
    expression() {
        const first = this.peek();
        if (this.#depth >= MAX_NESTING)
            this.fail(first, 'expressions are nested too deeply');
        this.#depth++;
        try {
            const cond = this.binary(0);
            if (!this.is('?'))
                return cond;
            this.next();
            this.skipNewlines();
            const then = this.expression();
            this.skipNewlines();
            this.expect(':', 'in a conditional expression');
            this.skipNewlines();
            const otherwise = this.expression();
            return this.node(first, { k: 'ternary', cond, then, else: otherwise });
        }
        finally {
            this.#depth--;
        }
    }
    node(first, fields) {
        return {
            line: first.line,
            column: first.column,
            start: first.start,
            end: this.lastEnd,
            ...fields,
        };
    }
    binary(level) {
        const ops = bicep_BINARY[level];
        if (!ops)
            return this.unary();
        const first = this.peek();
        let left = this.binary(level + 1);
        for (;;) {
            const t = this.peek();
            if (t.type !== T.Punct || !ops.includes(t.value))
                return left;
            this.next();
            this.skipNewlines();
            const right = this.binary(level + 1);
            left = this.node(first, { k: 'binary', op: t.value, left, right });
        }
    }
    unary() {
        const t = this.peek();
        if (t.type === T.Punct && (t.value === '!' || t.value === '-')) {
            this.next();
            const arg = this.unary();
            return this.node(t, { k: 'unary', op: t.value, arg });
        }
        return this.postfix();
    }
    postfix() {
        const first = this.peek();
        let e = this.primary();
        for (;;) {
            const t = this.peek();
            if (t.type !== T.Punct)
                return e;
            if (t.value === '.' || t.value === '.?' || t.value === '::') {
                this.next();
                const name = this.identifier('a property name');
                e = this.node(first, { k: 'member', obj: e, name: name.value });
            }
            else if (t.value === '[' && t.start === this.lastEnd) {
                this.next();
                if (this.is('?'))
                    this.next();
                this.skipNewlines();
                const index = this.expression();
                this.skipNewlines();
                this.expect(']', 'after an index');
                e = this.node(first, { k: 'index', obj: e, index });
            }
            else if (t.value === '(' && t.start === this.lastEnd) {
                this.next();
                const args = this.list(')', 'after the arguments');
                e = this.node(first, { k: 'call', callee: e, args });
            }
            else if (t.value === '!' && t.start === this.lastEnd) {
                this.next(); // non-null assertion
            }
            else
                return e;
        }
    }
    /** Comma-separated expressions up to `close`; line breaks allowed. */
    list(close, what) {
        const items = [];
        this.skipNewlines();
        if (this.is(close)) {
            this.next();
            return items;
        }
        for (;;) {
            this.skipNewlines();
            items.push(this.expression());
            this.skipNewlines();
            if (this.is(',')) {
                this.next();
                continue;
            }
            this.expect(close, what);
            return items;
        }
    }
    primary() {
        const t = this.peek();
        switch (t.type) {
            case T.Str:
                this.next();
                return this.node(t, {
                    k: 'str',
                    v: t.value,
                    at: { line: t.valueLine, column: t.valueColumn },
                    literal: t.literal,
                });
            case T.StrStart:
                return this.interpolation();
            case T.Bad:
                this.next();
                return this.node(t, { k: 'bad' });
            case T.Num:
                this.next();
                return this.node(t, { k: 'num', v: Number(t.value) });
            case T.Ident: {
                this.next();
                if (t.value === 'true' || t.value === 'false')
                    return this.node(t, { k: 'bool', v: t.value === 'true' });
                if (t.value === 'null')
                    return this.node(t, { k: 'null' });
                if (this.is('=>')) {
                    this.next();
                    this.skipNewlines();
                    this.expression();
                    return this.node(t, { k: 'lambda' });
                }
                return this.node(t, { k: 'ref', name: t.value });
            }
            case T.Punct:
                if (t.value === '(') {
                    this.next();
                    const inner = this.list(')', 'to close the parenthesis');
                    if (this.is('=>')) {
                        this.next();
                        this.skipNewlines();
                        this.expression();
                        return this.node(t, { k: 'lambda' });
                    }
                    if (inner.length !== 1)
                        this.fail(t, 'expected one expression in parentheses');
                    return inner[0];
                }
                if (t.value === '[')
                    return this.array();
                if (t.value === '{')
                    return this.object();
                break;
            default:
                break;
        }
        return this.fail(t, `expected a value, found ${bicep_describeToken(t)}`);
    }
    interpolation() {
        const first = this.next();
        const parts = [first.value];
        const exprs = [];
        for (;;) {
            this.skipNewlines();
            exprs.push(this.expression());
            this.skipNewlines();
            const t = this.peek();
            if (t.type === T.StrMid) {
                this.next();
                parts.push(t.value);
                continue;
            }
            if (t.type === T.StrEnd) {
                this.next();
                parts.push(t.value);
                break;
            }
            if (t.type === T.Bad) {
                this.next();
                return this.node(first, { k: 'bad' });
            }
            this.fail(t, `expected "}" to end the interpolation, found ${bicep_describeToken(t)}`);
        }
        return this.node(first, {
            k: 'interp',
            parts,
            exprs,
            at: { line: first.valueLine, column: first.valueColumn },
        });
    }
    /**
     * Items of an array or properties of an object, one per line or separated by commas. A
     * malformed item is reported and skipped to the end of its line, so that one typo does not
     * hide the rest of the list.
     */
    items(close, item) {
        for (;;) {
            this.skipNewlines();
            while (this.is(',')) {
                this.next();
                this.skipNewlines();
            }
            if (this.is(close)) {
                this.next();
                return;
            }
            const t = this.peek();
            if (t.type === T.Eof)
                this.fail(t, `expected "${close}", found the end of the file`);
            const before = this.#i;
            try {
                item();
                const after = this.peek();
                const separated = after.type === T.Newline ||
                    (after.type === T.Punct && (after.value === ',' || after.value === close));
                if (!separated)
                    this.fail(after, `expected a new line, "," or "${close}", found ${bicep_describeToken(after)}`);
            }
            catch (e) {
                if (!(e instanceof SyntaxIssue))
                    throw e;
                this.issues.push(e);
                if (this.#i === before)
                    this.#i++;
                this.recoverItem(close);
            }
        }
    }
    /** To the end of the line, or to the `close` that ends the list. */
    recoverItem(close) {
        let depth = 0;
        for (;;) {
            const t = this.peek();
            if (t.type === T.Eof)
                return;
            if (t.type === T.Newline && depth <= 0)
                return;
            if (t.type === T.Punct) {
                if (t.value === '(' || t.value === '[' || t.value === '{')
                    depth++;
                else if (t.value === ')' || t.value === ']' || t.value === '}') {
                    if (depth <= 0) {
                        if (t.value !== close)
                            this.#i++;
                        return;
                    }
                    depth--;
                }
            }
            this.#i++;
        }
    }
    array() {
        const open = this.next();
        this.skipNewlines();
        if (this.isWord('for'))
            return this.forExpression(open);
        const items = [];
        this.items(']', () => items.push(this.spreadOr()));
        return this.node(open, { k: 'arr', items });
    }
    spreadOr() {
        const t = this.peek();
        if (t.type === T.Punct && t.value === '...') {
            this.next();
            const arg = this.expression();
            return this.node(t, { k: 'spread', arg });
        }
        return this.expression();
    }
    forExpression(open) {
        this.next();
        let item;
        let index;
        if (this.is('(')) {
            this.next();
            item = this.identifier('a loop variable').value;
            this.expect(',', 'between the loop variables');
            index = this.identifier('an index variable').value;
            this.expect(')', 'after the loop variables');
        }
        else {
            item = this.identifier('a loop variable').value;
        }
        if (!this.isWord('in'))
            this.fail(this.peek(), `expected "in", found ${bicep_describeToken(this.peek())}`);
        this.next();
        const source = this.expression();
        this.expect(':', 'after the loop source');
        this.skipNewlines();
        const body = this.conditional();
        this.skipNewlines();
        this.expect(']', 'to end the for-expression');
        return this.node(open, { k: 'for', item, index, source, body });
    }
    object() {
        const open = this.next();
        const props = [];
        this.items('}', () => {
            const t = this.peek();
            if (t.type === T.Ident && t.value === 'resource' && this.peek(1).type === T.Ident) {
                this.resource();
                return;
            }
            if (t.type === T.Punct && t.value === '...') {
                this.next();
                props.push({ key: undefined, lower: undefined, value: this.expression() });
                return;
            }
            if (t.type === T.Punct && t.value === '@') {
                this.next();
                this.postfix();
                return;
            }
            if (t.type !== T.Ident && t.type !== T.Str) {
                this.fail(t, `expected a property name, found ${bicep_describeToken(t)}`);
            }
            this.next();
            this.expect(':', 'after the property name');
            this.skipNewlines();
            const keyAt = { line: t.line, column: t.type === T.Str ? t.valueColumn : t.column };
            props.push({ key: t.value, lower: t.value.toLowerCase(), value: this.expression(), keyAt });
        });
        return this.node(open, { k: 'obj', props });
    }
}
class Evaluator {
    program;
    text;
    settings;
    #memo = new Map();
    #busy = new Set();
    constructor(program, text, settings) {
        this.program = program;
        this.text = text;
        this.settings = settings;
    }
    source(e) {
        return this.text.slice(e.start, e.end);
    }
    at(e) {
        return { line: e.line, column: e.column };
    }
    evaluate(e, scope, depth = 0) {
        const at = this.at(e);
        if (depth > MAX_NESTING)
            return azure_unknown(at, 'the value is nested too deeply to read');
        switch (e.k) {
            case 'str':
                return { t: 'str', v: e.v, at: e.at, literal: e.literal };
            case 'interp': {
                let v = e.parts[0] ?? '';
                for (let i = 0; i < e.exprs.length; i++) {
                    const part = this.evaluate(e.exprs[i], scope, depth + 1);
                    if (part.t === 'unknown')
                        return part;
                    if (part.t !== 'str' && part.t !== 'num' && part.t !== 'bool') {
                        return azure_unknown(at, computedWhy(this.source(e)));
                    }
                    v += String(part.v) + (e.parts[i + 1] ?? '');
                }
                return { t: 'str', v, at: e.at, literal: false };
            }
            case 'num':
                return { t: 'num', v: e.v, at };
            case 'bool':
                return { t: 'bool', v: e.v, at };
            case 'null':
                return { t: 'null', at };
            case 'bad':
                // Already reported as a syntax problem.
                return azure_unknown(at, '');
            case 'lambda':
                return azure_unknown(at, computedWhy(this.source(e)));
            case 'spread':
                return this.evaluate(e.arg, scope, depth + 1);
            case 'arr': {
                const items = [];
                for (const item of e.items) {
                    const v = this.evaluate(item, scope, depth + 1);
                    if (item.k === 'spread' && v.t === 'arr')
                        items.push(...v.items);
                    else
                        items.push(v);
                }
                return { t: 'arr', items, at };
            }
            case 'obj':
                return this.object(e.props, at, scope, depth);
            case 'for': {
                const source = this.evaluate(e.source, scope, depth + 1);
                if (source.t === 'unknown')
                    return source;
                if (source.t !== 'arr')
                    return azure_unknown(at, computedWhy(this.source(e.source)));
                if (source.items.length > MAX_ITEMS)
                    return azure_unknown(at, computedWhy(this.source(e.source)));
                const items = source.items.map((item, i) => {
                    let inner = { name: e.item, value: item, parent: scope };
                    if (e.index !== undefined)
                        inner = { name: e.index, value: { t: 'num', v: i, at }, parent: inner };
                    return this.evaluate(e.body, inner, depth + 1);
                });
                return { t: 'arr', items, at };
            }
            case 'ref':
                return this.reference(e.name, at, scope);
            case 'member': {
                const obj = this.evaluate(e.obj, scope, depth + 1);
                if (obj.t === 'unknown')
                    return obj;
                return ((obj.t === 'obj' ? obj.get(e.name) : undefined) ??
                    azure_unknown(at, computedWhy(this.source(e))));
            }
            case 'index': {
                const obj = this.evaluate(e.obj, scope, depth + 1);
                const index = this.evaluate(e.index, scope, depth + 1);
                if (obj.t === 'unknown')
                    return obj;
                if (index.t === 'unknown')
                    return index;
                const found = obj.t === 'arr' && index.t === 'num'
                    ? obj.items[index.v]
                    : obj.t === 'obj' && index.t === 'str'
                        ? obj.get(index.v)
                        : undefined;
                return found ?? azure_unknown(at, computedWhy(this.source(e)));
            }
            case 'call': {
                const callee = e.callee;
                const name = callee.k === 'ref' ? callee.name : callee.k === 'member' ? callee.name : undefined;
                // `sys.concat(...)` is the same function; other namespaces (`az.`) need a deployment.
                const namespace = callee.k === 'member' && callee.obj.k === 'ref' ? callee.obj.name : undefined;
                if (name === undefined || (namespace !== undefined && namespace !== 'sys')) {
                    return azure_unknown(at, computedWhy(this.source(e)));
                }
                const args = e.args.map((a) => this.evaluate(a, scope, depth + 1));
                return pureCall(name, args, at) ?? azure_unknown(at, computedWhy(this.source(e)));
            }
            case 'ternary': {
                const a = this.evaluate(e.then, scope, depth + 1);
                const b = this.evaluate(e.else, scope, depth + 1);
                return eitherBranch(a, b, at, computedWhy(this.source(e)));
            }
            case 'unary': {
                const arg = this.evaluate(e.arg, scope, depth + 1);
                if (arg.t === 'unknown')
                    return arg;
                if (e.op === '-' && arg.t === 'num')
                    return { t: 'num', v: -arg.v, at };
                if (e.op === '!' && arg.t === 'bool')
                    return { t: 'bool', v: !arg.v, at };
                return azure_unknown(at, computedWhy(this.source(e)));
            }
            case 'binary': {
                const left = this.evaluate(e.left, scope, depth + 1);
                if (e.op === '??') {
                    if (left.t === 'null')
                        return this.evaluate(e.right, scope, depth + 1);
                    return left;
                }
                const right = this.evaluate(e.right, scope, depth + 1);
                if (left.t === 'unknown')
                    return left;
                if (right.t === 'unknown')
                    return right;
                if (left.t === 'num' && right.t === 'num') {
                    const v = arithmetic(e.op, left.v, right.v);
                    if (v !== undefined)
                        return { t: 'num', v, at };
                }
                return azure_unknown(at, computedWhy(this.source(e)));
            }
        }
    }
    /**
     * An object whose properties are evaluated when first asked for. Large templates hold tens of
     * thousands of objects, so each keeps one small array rather than maps.
     */
    object(props, at, scope, depth) {
        const values = [];
        const valueOf = (i) => (values[i] ??= this.evaluate(props[i].value, scope, depth + 1));
        let keys;
        let index;
        const spreads = props.some((p) => p.key === undefined);
        return {
            t: 'obj',
            at,
            keys: () => (keys ??= distinctKeys(props)),
            get: (key) => {
                const lower = key.toLowerCase();
                if (props.length > 16 && !spreads) {
                    // Large objects (thousands of settings) get an index once.
                    if (!index) {
                        index = new Map();
                        props.forEach((p, i) => index.set(p.lower, i));
                    }
                    const i = index.get(lower);
                    return i === undefined ? undefined : valueOf(i);
                }
                // The last mention wins, as in the deployed object.
                for (let i = props.length - 1; i >= 0; i--) {
                    const p = props[i];
                    if (p.lower === lower)
                        return valueOf(i);
                    if (p.key === undefined) {
                        const spread = valueOf(i);
                        const found = spread.t === 'obj' ? spread.get(key) : undefined;
                        if (found)
                            return found;
                    }
                }
                return undefined;
            },
            keyAt: (key) => {
                const lower = key.toLowerCase();
                return props.findLast((p) => p.lower === lower)?.keyAt;
            },
        };
    }
    reference(name, at, scope) {
        for (let s = scope; s; s = s.parent)
            if (s.name === name)
                return s.value;
        const program = this.program;
        const variable = program.vars.get(name);
        if (variable) {
            return this.memoised(`variable "${name}"`, at, () => this.evaluate(variable, undefined));
        }
        const param = program.params.get(name);
        if (param) {
            const configured = this.configured(name);
            if (configured !== undefined)
                return fromPlain(configured, at);
            const value = param.value;
            if (value === undefined)
                return azure_unknown(at, noDefaultWhy(name));
            return this.memoised(`parameter "${name}"`, at, () => this.evaluate(value, undefined));
        }
        if (program.symbols.has(name)) {
            return azure_unknown(at, `"${name}" is a resource; its properties are known only after deployment`);
        }
        if (program.imports.has(name)) {
            return azure_unknown(at, `"${name}" is imported from another file; the entries it holds are not checked`);
        }
        return wrong(at, `"${name}" is not declared`);
    }
    configured(name) {
        const parameters = this.settings?.parameters;
        if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))
            return undefined;
        return parameters[name];
    }
    /** Each variable and parameter is evaluated once; a chain of them is bounded like nesting. */
    memoised(key, at, compute) {
        const done = this.#memo.get(key);
        if (done)
            return done;
        if (this.#busy.has(key))
            return azure_unknown(at, `${key} refers to itself`);
        if (this.#busy.size >= MAX_NESTING) {
            return azure_unknown(at, `${key} is defined through too many other values to read`);
        }
        this.#busy.add(key);
        const value = compute();
        this.#busy.delete(key);
        this.#memo.set(key, value);
        return value;
    }
}
function arithmetic(op, a, b) {
    switch (op) {
        case '+':
            return a + b;
        case '-':
            return a - b;
        case '*':
            return a * b;
        case '/':
            return b === 0 ? undefined : Math.trunc(a / b);
        case '%':
            return b === 0 ? undefined : a % b;
        default:
            return undefined;
    }
}
// ── the format ──────────────────────────────────────────────────────────────
const bicep_SAMPLE_CHARS = 64 * 1024;
const RESOURCE_LINE = /^resource\s+\w+\s+'[A-Za-z]+\.[A-Za-z]+\/[^'\n]*@[^'\n]*'/m;
const OTHER_FORMATS = /\.(?:json|jsonc|ya?ml|tf|hcl|bicepparam|js|ts)$/;
function bicep_detect(file) {
    const path = file.path.toLowerCase();
    if (path.endsWith('.bicep'))
        return 10;
    if (OTHER_FORMATS.test(path))
        return 0;
    return RESOURCE_LINE.test(file.text.slice(0, bicep_SAMPLE_CHARS)) ? 3 : 0;
}
function parseBicep(file, options) {
    const problems = [];
    const notText = notTextProblem(file);
    if (notText)
        return { path: file.path, format: 'bicep', entries: [], problems: [notText] };
    const text = withoutBom(file.text);
    const tokenizer = new Tokenizer(text);
    const parser = new bicep_Parser(tokenizer.tokens);
    const program = parser.parse();
    const sink = new AzureSink(file.path, new CommentIndex(tokenizer.comments));
    for (const issue of [...tokenizer.issues, ...parser.issues]) {
        sink.problem({ line: issue.line, column: issue.column }, issue.message, 'error');
    }
    const evaluator = new Evaluator(program, text, options?.settings);
    collectAzureEntries(program.bodies.map((body) => evaluator.evaluate(body, undefined)), sink);
    problems.push(...sink.problems);
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return { path: file.path, format: 'bicep', entries: sink.entries, problems };
}
/**
 * Bicep: Azure Firewall policy rule collection groups and classic rule collections
 * (`targetFqdns`, `fqdnTags`, `destinationAddresses`, `destinationFqdns`, `destinationPorts`,
 * protocols), and App Service / Functions / Container Apps `ipSecurityRestrictions`, including
 * lists built from variables and for-expressions.
 *
 * Settings (`options:` of the allowlist entry):
 * - `parameters`: a mapping of parameter names to values, used instead of the defaults (what a
 *   parameters file would pass at deployment).
 */
const BICEP = {
    id: 'bicep',
    title: 'Bicep',
    filePatterns: ['*.bicep'],
    capabilities: RULE_CAPABILITIES,
    detect: bicep_detect,
    parse: parseBicep,
};

;// CONCATENATED MODULE: ./src/formats/allowlist/csv.ts







/**
 * RFC 4180 records: fields separated by the delimiter, quoted fields may hold delimiters, line
 * breaks and `""`. Lines starting with `#` (outside quotes) are comments, kept by line.
 */
function readRows(text, delimiter, positions, comments, problems) {
    const rows = [];
    const n = text.length;
    const d = delimiter.charCodeAt(0);
    let i = 0;
    while (i < n) {
        const lineStart = i;
        // Blank lines and comment lines.
        let j = i;
        while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9))
            j++;
        const c0 = text.charCodeAt(j);
        if (j >= n || c0 === 10 || (c0 === 13 && text.charCodeAt(j + 1) === 10)) {
            const end = text.indexOf('\n', j);
            i = end < 0 ? n : end + 1;
            continue;
        }
        if (c0 === 35 /* # */) {
            const end = text.indexOf('\n', j);
            comments.add(positions.at(j).line, text.slice(j + 1, end < 0 ? n : end).replace(/\r$/, ''), true);
            i = end < 0 ? n : end + 1;
            continue;
        }
        const cells = [];
        let broken = false;
        for (;;) {
            // One field.
            let start = i;
            if (text.charCodeAt(i) === 34 /* " */) {
                const open = i;
                let k = i + 1;
                let value = '';
                let escaped = false;
                let closed = false;
                while (k < n) {
                    const q = text.indexOf('"', k);
                    if (q < 0)
                        break;
                    if (text.charCodeAt(q + 1) === 34) {
                        value += text.slice(k, q + 1);
                        escaped = true;
                        k = q + 2;
                        continue;
                    }
                    value += text.slice(k, q);
                    k = q + 1;
                    closed = true;
                    break;
                }
                if (!closed) {
                    problems(open, 'unterminated quoted field');
                    broken = true;
                    value = text.slice(open + 1);
                    k = n;
                }
                // Text between the closing quote and the delimiter is kept, as spreadsheets do.
                let e = k;
                while (e < n && text.charCodeAt(e) !== d && text.charCodeAt(e) !== 10)
                    e++;
                value += text.slice(k, e).replace(/\r$/, '');
                cells.push({ value, offset: open + 1, escaped });
                i = e;
            }
            else {
                let e = i;
                while (e < n && text.charCodeAt(e) !== d && text.charCodeAt(e) !== 10)
                    e++;
                let value = text.slice(start, e);
                if (value.endsWith('\r'))
                    value = value.slice(0, -1);
                cells.push({ value, offset: start, escaped: false });
                i = e;
                start = e;
            }
            if (i < n && text.charCodeAt(i) === d) {
                i++;
                continue;
            }
            if (i < n)
                i++; // the line break
            break;
        }
        rows.push({ cells, offset: lineStart, broken });
    }
    return rows;
}
/** Offset in the text of character `index` of a cell's value. */
function offsetIn(cell, index, text) {
    if (!cell.escaped)
        return cell.offset + index;
    let raw = cell.offset;
    for (let k = 0; k < index; k++) {
        raw += text.charCodeAt(raw) === 34 ? 2 : 1;
    }
    return raw;
}
const ROLES = [
    'value',
    'host',
    'ip',
    'tcp',
    'udp',
    'ports',
    'protocol',
    'comment',
];
const HEADER_HINTS = [
    ['tcp', /^tcp(?:[ _-]?ports?)?$/i],
    ['udp', /^udp(?:[ _-]?ports?)?$/i],
    ['protocol', /^(?:protocols?|proto|ip[ _-]?protocol)$/i],
    ['ports', /\bports?\b/i],
    [
        'value',
        /^(?:destinations?|dest|target|targets|address(?:es)?|hosts?|host ?names?|fqdns?|domains?|urls?|ips?|ip ?address(?:es)?|ip ?ranges?|cidrs?|networks?|endpoints?|dns ?searches)$/i,
    ],
    [
        'comment',
        /^(?:comments?|description|desc|notes?|name|service|service ?area|category|remarks?)$/i,
    ],
];
const DELIMITERS = [',', ';', '\t', '|'];
function countOutsideQuotes(line, ch) {
    let n = 0;
    let quoted = false;
    for (const c of line) {
        if (c === '"')
            quoted = !quoted;
        else if (c === ch && !quoted)
            n++;
    }
    return n;
}
/** A value in a cell that names a destination: an address, or a name with a dot. */
function looksLikeDestination(item) {
    if (classifyValue(item) === 'ip')
        return parseIpBlock(item).ok;
    const host = splitPath(item.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')).host;
    return host.includes('.') && HostPattern.parse(host).ok;
}
function splitItems(value, separators) {
    const out = [];
    separators.lastIndex = 0;
    let start = 0;
    for (let m = separators.exec(value); m; m = separators.exec(value)) {
        if (m.index > start)
            out.push({ text: value.slice(start, m.index), index: start });
        start = m.index + m[0].length;
        if (m[0].length === 0)
            separators.lastIndex++;
    }
    if (start < value.length)
        out.push({ text: value.slice(start), index: start });
    return out;
}
function readSettings(options) {
    const s = options?.settings ?? {};
    const columns = s.columns;
    if (columns !== undefined) {
        if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
            return `the CSV setting "columns" must map roles to column names, not ${JSON.stringify(columns)}`;
        }
        for (const [role, ref] of Object.entries(columns)) {
            if (!ROLES.includes(role)) {
                return `unknown CSV column role "${role}" (expected ${ROLES.join(', ')})`;
            }
            if (typeof ref !== 'string' &&
                !(typeof ref === 'number' && Number.isInteger(ref) && ref >= 1)) {
                return `the CSV column for "${role}" must be a header name or a column number from 1, not ${JSON.stringify(ref)}`;
            }
        }
    }
    const delimiter = s.delimiter;
    if (delimiter !== undefined &&
        (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"')) {
        return `the CSV setting "delimiter" must be one character, not ${JSON.stringify(delimiter)}`;
    }
    const header = s.header;
    if (header !== undefined && typeof header !== 'boolean') {
        return `the CSV setting "header" must be true or false, not ${JSON.stringify(header)}`;
    }
    return s;
}
/** `443:tcp`, `tcp/443`, `443/udp`, `80-90`, `any`: the ports of one item, per protocol. */
function readPortItem(item, defaults) {
    const lower = item.toLowerCase();
    if (lower === 'any' || lower === '*' || lower === 'all') {
        return { tcp: PortSet.ANY, udp: PortSet.ANY };
    }
    const m = /^(?:(tcp|udp)[:/ ]?)?(\d{1,5}(?:-\d{1,5})?|any|\*)(?:[:/ ](tcp|udp))?$/.exec(lower);
    if (!m)
        return `"${item}" is not a port, a port range or a port with its protocol (443:tcp)`;
    const ports = m[2] === 'any' || m[2] === '*'
        ? { ok: true, value: PortSet.ANY }
        : PortSet.parse(m[2]);
    if (!ports.ok)
        return ports.error;
    const protocol = (m[1] ?? m[3]);
    const protocols = protocol ? [protocol] : defaults;
    return {
        tcp: protocols.includes('tcp') ? ports.value : PortSet.EMPTY,
        udp: protocols.includes('udp') ? ports.value : PortSet.EMPTY,
    };
}
function readProtocols(value) {
    const lower = value.toLowerCase();
    if (lower.trim() === '' || /\b(?:any|all|ip)\b/.test(lower))
        return ['tcp', 'udp'];
    const out = [];
    if (/tcp/.test(lower))
        out.push('tcp');
    if (/udp/.test(lower))
        out.push('udp');
    return out;
}
function csv_parseCsv(file, options) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: 'csv', entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const settings = readSettings(options);
    if (typeof settings === 'string') {
        problems.push({ location: { file: file.path, line: 0, column: 1 }, message: settings });
        return result;
    }
    let text = withoutBom(file.text);
    // Spreadsheet exports may name their delimiter on a first line of their own.
    const sep = /^sep=(.)\r?\n/.exec(text);
    const delimiter = settings.delimiter ?? sep?.[1] ?? guessDelimiter(text);
    if (sep)
        text = ' '.repeat(sep[0].length - 1) + text.slice(sep[0].length - 1);
    const positions = new TextPositions(text);
    const at = (offset) => ({ file: file.path, ...positions.at(offset) });
    const comments = new LineComments();
    const rows = readRows(text, delimiter, positions, comments, (offset, message) => problems.push({ location: at(offset), message }));
    if (rows.length === 0)
        return result;
    // Inside a field, values are separated by any of these (a delimiter there must be quoted).
    const separators = /[,;|\s]+/g;
    const layout = planColumns(rows, settings, separators, at, problems);
    if (!layout)
        return result;
    const { header, columns } = layout;
    const col = (role) => columns.get(role) ?? [];
    const destinations = [...col('value'), ...col('host'), ...col('ip')];
    if (destinations.length === 0) {
        problems.push({
            location: header ? at(header.offset) : { file: file.path, line: 0, column: 1 },
            message: `no column holds host names or addresses; name it with the setting "columns" (${header ? `columns: ${columnNames(header)}` : 'a column number from 1'})`,
        });
        return result;
    }
    const hasPorts = col('tcp').length + col('udp').length + col('ports').length > 0;
    for (const row of rows) {
        if (row === header || row.broken)
            continue;
        const cell = (index) => row.cells[index];
        const rowLine = positions.at(row.offset).line;
        const own = comments.above(rowLine);
        const described = col('comment')
            .map((i) => cell(i)?.value.trim())
            .filter((v) => v !== undefined && v !== '');
        const comment = [own, ...described].filter((c) => c !== undefined).join('\n') || undefined;
        let ports;
        if (hasPorts) {
            const spec = rowPorts(row, columns, separators, text, at, problems);
            if (spec === null)
                continue;
            ports = spec;
        }
        for (const index of destinations) {
            const c = cell(index);
            if (!c)
                continue;
            const role = col('host').includes(index)
                ? 'host'
                : col('ip').includes(index)
                    ? 'ip'
                    : 'value';
            for (const item of splitItems(c.value, separators)) {
                const location = at(offsetIn(c, item.index, text));
                readDestination(item.text, role, location, ports, comment, entries, problems);
            }
        }
    }
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return result;
}
/** The header's names for a message, kept to one readable line. */
function columnNames(header) {
    const names = header.cells.slice(0, 12).map((c) => {
        const name = c.value.trim();
        return name.length > 40 ? `${name.slice(0, 37)}...` : name;
    });
    if (header.cells.length > 12)
        names.push('...');
    return names.join(', ');
}
function guessDelimiter(text) {
    const first = text.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
    let best = ',';
    let bestCount = 0;
    for (const d of DELIMITERS) {
        const count = countOutsideQuotes(first, d);
        if (count > bestCount) {
            best = d;
            bestCount = count;
        }
    }
    return best;
}
/** Finds the header and which column plays which role: from the settings, else from the header and the data. */
function planColumns(rows, settings, separators, at, problems) {
    const first = rows[0];
    const firstIsData = first.cells.some((c) => splitItems(c.value, separators).some((i) => looksLikeDestination(i.text)));
    const header = (settings.header ?? !firstIsData) ? first : undefined;
    const names = header?.cells.map((c) => c.value.trim().toLowerCase()) ?? [];
    const columns = new Map();
    const add = (role, index) => columns.set(role, [...(columns.get(role) ?? []), index]);
    if (settings.columns) {
        for (const [role, ref] of Object.entries(settings.columns)) {
            if (typeof ref === 'number') {
                add(role, ref - 1);
                continue;
            }
            const index = names.indexOf(ref.trim().toLowerCase());
            if (index < 0) {
                problems.push({
                    location: header ? at(header.offset) : { ...at(0), line: 0, column: 1 },
                    message: header
                        ? `column "${ref}" is not in the header (columns: ${columnNames(header)})`
                        : `column "${ref}" is named, but the file has no header row; use a column number from 1`,
                });
                return undefined;
            }
            add(role, index);
        }
        return { header, columns };
    }
    // Header names first; then any column whose values are mostly hosts or addresses.
    names.forEach((name, index) => {
        const hint = HEADER_HINTS.find(([, re]) => re.test(name));
        if (hint && (hint[0] !== 'comment' || !columns.has('comment')))
            add(hint[0], index);
    });
    const data = rows.filter((r) => r !== header).slice(0, 200);
    const width = Math.max(0, ...data.map((r) => r.cells.length));
    for (let index = 0; index < width; index++) {
        if ([...columns.values()].some((list) => list.includes(index)))
            continue;
        let filled = 0;
        let destinations = 0;
        for (const r of data) {
            const items = splitItems(r.cells[index]?.value ?? '', separators);
            if (items.length === 0)
                continue;
            filled++;
            if (items.every((i) => looksLikeDestination(i.text)))
                destinations++;
        }
        if (filled > 0 && destinations * 2 >= filled)
            add('value', index);
    }
    // A header-named destination column whose values are not destinations (a "Name" read as a host) is dropped.
    return { header, columns };
}
/** The ports of a row from its tcp, udp, ports and protocol columns; null after a problem. */
function rowPorts(row, columns, separators, text, at, problems) {
    const cells = (role) => (columns.get(role) ?? []).map((i) => row.cells[i]).filter((c) => c !== undefined);
    const protocolText = cells('protocol')
        .map((c) => c.value)
        .join(' ');
    const defaults = readProtocols(protocolText);
    let spec = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
    let any = false;
    const read = (cell, protocols) => {
        for (const item of splitItems(cell.value, separators)) {
            any = true;
            const parsed = readPortItem(item.text, protocols);
            if (typeof parsed === 'string') {
                problems.push({
                    location: at(offsetIn(cell, item.index, text)),
                    message: parsed,
                    text: item.text,
                });
                return false;
            }
            spec = { tcp: spec.tcp.union(parsed.tcp), udp: spec.udp.union(parsed.udp) };
        }
        return true;
    };
    for (const c of cells('tcp'))
        if (!read(c, ['tcp']))
            return null;
    for (const c of cells('udp'))
        if (!read(c, ['udp']))
            return null;
    for (const c of cells('ports'))
        if (!read(c, defaults))
            return null;
    if (!any) {
        // No ports written: every port of the row's protocols.
        return {
            tcp: defaults.includes('tcp') ? PortSet.ANY : PortSet.EMPTY,
            udp: defaults.includes('udp') ? PortSet.ANY : PortSet.EMPTY,
        };
    }
    return spec;
}
function readDestination(text, role, location, ports, comment, entries, problems) {
    const isIp = role === 'ip' || (role === 'value' && classifyValue(text) === 'ip');
    if (isIp) {
        const block = parseIpBlock(text);
        if (!block.ok)
            problems.push({ location, message: block.error, text });
        else
            entries.push({ kind: 'ip', text, location, block: block.value, ports, comment });
        return;
    }
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
    const url = splitPath(scheme ? text.slice(scheme[0].length) : text);
    const hasPath = url.path !== undefined && url.path !== '/' && url.path !== '/*';
    if (scheme || hasPath) {
        const parts = [scheme ? 'scheme' : '', hasPath ? 'path' : ''].filter((p) => p !== '');
        problems.push({
            location,
            message: `only the host of "${text}" is compared, not its ${parts.join(' or ')}`,
            text,
            severity: 'notice',
        });
    }
    const pattern = HostPattern.parse(url.host);
    if (!pattern.ok)
        problems.push({ location, message: pattern.error, text });
    else
        entries.push({ kind: 'host', text, location, pattern: pattern.value, ports, comment });
}
function csv_detectCsv(file) {
    const path = file.path.toLowerCase();
    if (!path.endsWith('.csv') && !path.endsWith('.tsv'))
        return 0;
    return 5;
}
/**
 * CSV (and TSV) allowlists: one row per rule, one or more destinations per cell (separated by
 * `;`, `,`, `|` or spaces, whichever is not the delimiter). The delimiter (`,` `;` tab `|`) is
 * guessed from the first row or a `sep=` line; the first row is a header unless it holds
 * destinations. Without settings, columns are found by header name (Destination, Host, FQDN,
 * IP, Address, CIDR, URL..., Port(s), TCP, UDP, Protocol, Comment/Description/Name) and by
 * content (a column whose values are mostly host names or addresses). Ports read `443`,
 * `80-90`, `443:tcp`, `tcp/443`, `any`; a port without a protocol applies to the Protocol
 * column's protocols, or to TCP and UDP. `#` lines above a row are its comment.
 *
 * Settings: `columns: { value | host | ip | tcp | udp | ports | protocol | comment: header name
 * or column number from 1 }` (when given, only these columns are read), `delimiter: ','`,
 * `header: true | false`.
 */
const CSV = {
    id: 'csv',
    title: 'CSV allowlist',
    filePatterns: ['*.csv', '*.tsv'],
    capabilities: RULE_CAPABILITIES,
    detect: csv_detectCsv,
    parse: csv_parseCsv,
};

;// CONCATENATED MODULE: ./src/formats/allowlist/endpoints-json.ts






const ID = 'm365-endpoints-json';
/**
 * A saved copy of the web service's own answer (`/endpoints/{instance}`): an array of endpoint
 * sets. Repositories keep such copies as their allowlist; each URL and IP becomes an entry with
 * the set's TCP and UDP ports, so a frozen copy is compared with today's catalogue like any list.
 */
const M365_ENDPOINTS_JSON = {
    id: ID,
    title: 'Microsoft 365 web service JSON (a saved /endpoints response)',
    filePatterns: ['*.json'],
    capabilities: { ...RULE_CAPABILITIES, comments: false },
    detect(file) {
        const head = file.text.slice(0, 2000);
        if (!/^\s*\[/.test(head))
            return 0;
        return /"serviceArea"\s*:/.test(head) && /"(urls|ips)"\s*:/.test(file.text.slice(0, 20000))
            ? 0.9
            : 0;
    },
    parse(file) {
        const entries = [];
        const problems = [];
        const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
        const pd = parsePositioned(text);
        // Inside the opening quote of a quoted string, where the value's first character is.
        const at = (node, inside = 0) => {
            const p = nodePosition(pd, node);
            const quoted = (0,dist/* isScalar */.jn)(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
            return { file: file.path, line: p.line, column: p.column + (quoted ? inside : 0) };
        };
        for (const e of pd.errors)
            problems.push({
                location: { file: file.path, line: e.line, column: e.column },
                message: `invalid JSON: ${e.message}`,
            });
        const root = pd.doc.contents;
        if (!(0,dist/* isSeq */.oP)(root)) {
            if (pd.errors.length === 0)
                problems.push({
                    location: at(root),
                    message: 'expected an array of endpoint sets, as the web service returns',
                });
            return { path: file.path, format: ID, entries, problems };
        }
        for (const item of root.items) {
            if (!(0,dist/* isMap */.jh)(item)) {
                problems.push({ location: at(item), message: 'an endpoint set must be an object' });
                continue;
            }
            const ports = readPorts(item, at, problems);
            const id = scalar(item, 'id');
            const comment = id === undefined ? undefined : `endpoint set ${String(id)}`;
            for (const key of ['urls', 'ips']) {
                const list = item.get(key, true);
                if (list === undefined)
                    continue;
                if (!(0,dist/* isSeq */.oP)(list)) {
                    problems.push({ location: at(list), message: `"${key}" must be an array of strings` });
                    continue;
                }
                for (const node of list.items) {
                    if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string') {
                        problems.push({ location: at(node), message: `"${key}" must hold strings` });
                        continue;
                    }
                    const value = node.value.trim();
                    const location = at(node, 1);
                    if (key === 'ips' || looksLikeIp(value)) {
                        const parsed = parseIpBlock(value);
                        if (parsed.ok)
                            entries.push({
                                kind: 'ip',
                                text: value,
                                location,
                                block: parsed.value,
                                ports,
                                comment,
                            });
                        else
                            problems.push({ location, message: parsed.error, text: value });
                    }
                    else {
                        const parsed = HostPattern.parse(value);
                        if (parsed.ok)
                            entries.push({
                                kind: 'host',
                                text: value,
                                location,
                                pattern: parsed.value,
                                ports,
                                comment,
                            });
                        else
                            problems.push({ location, message: parsed.error, text: value });
                    }
                }
            }
        }
        return { path: file.path, format: ID, entries, problems };
    },
};
function scalar(map, key) {
    const node = map.get(key, true);
    return (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
}
function readPorts(map, at, problems) {
    const read = (key) => {
        const node = map.get(key, true);
        if (node === undefined)
            return PortSet.EMPTY;
        const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
        if (typeof value !== 'string') {
            problems.push({ location: at(node), message: `"${key}" must be a string such as "80,443"` });
            return PortSet.EMPTY;
        }
        const parsed = PortSet.parse(value);
        if (parsed.ok)
            return parsed.value;
        problems.push({ location: at(node, 1), message: parsed.error, text: value });
        return PortSet.EMPTY;
    };
    return { tcp: read('tcpPorts'), udp: read('udpPorts') };
}

;// CONCATENATED MODULE: ./src/formats/syntax/ports.ts

const SERVICES = {
    ftp: 21,
    ssh: 22,
    smtp: 25,
    domain: 53,
    http: 80,
    pop3: 110,
    ntp: 123,
    imap: 143,
    imap2: 143,
    ldap: 389,
    https: 443,
    submissions: 465,
    smtps: 465,
    submission: 587,
    ldaps: 636,
    imaps: 993,
    pop3s: 995,
    'ms-sql-s': 1433,
    'ms-wbt-server': 3389,
    sip: 5060,
    'sip-tls': 5061,
};
/** A port, a range `a-b` or a service name from /etc/services. */
function parseServicePort(text) {
    const service = SERVICES[text.toLowerCase()];
    if (service !== undefined)
        return PortSet.fromNumbers([service]);
    const parsed = PortSet.parse(text);
    if (parsed.ok && !/[,;\s]/.test(text))
        return parsed.value;
    return parsed.ok ? `"${text}" is not a port or port range` : parsed.error;
}

;// CONCATENATED MODULE: ./src/formats/allowlist/iptables.ts






function iptables_isSpace(c) {
    return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0;
}
/** Splits a rule line the way a shell would: spaces separate, quotes group, `\` escapes. */
function splitWords(line) {
    const words = [];
    let i = 0;
    const n = line.length;
    while (i < n) {
        while (i < n && iptables_isSpace(line.charCodeAt(i)))
            i++;
        if (i >= n)
            break;
        let text = '';
        let column = i;
        let started = false;
        while (i < n && !iptables_isSpace(line.charCodeAt(i))) {
            const c = line[i];
            if (c === '"' || c === "'") {
                if (!started)
                    column = i + 1;
                const close = line.indexOf(c, i + 1);
                if (close < 0) {
                    return {
                        error: `unterminated quote in ${JSON.stringify(line.slice(i).trimEnd())}`,
                        column: i,
                    };
                }
                const inner = line.slice(i + 1, close);
                text += c === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner;
                i = close + 1;
            }
            else if (c === '\\' && i + 1 < n) {
                text += line[i + 1];
                i += 2;
            }
            else {
                text += c;
                i++;
            }
            started = true;
        }
        words.push({ text, column });
    }
    return words;
}
const WITH_VALUE = new Set([
    '-i',
    '--in-interface',
    '-o',
    '--out-interface',
    '-m',
    '--match',
    '-N',
    '-P',
    '--sport',
    '--source-port',
    '--sports',
    '--source-ports',
    '--state',
    '--ctstate',
    '--uid-owner',
    '--gid-owner',
    '--to-destination',
    '--to-source',
    '--to-ports',
    '--log-prefix',
    '--reject-with',
]);
function readRule(words) {
    let chain;
    const destinations = [];
    const sources = [];
    let protocol;
    const ports = [];
    const sets = [];
    let target;
    let comment;
    let negated = false;
    for (let i = 0; i < words.length; i++) {
        const w = words[i].text;
        const value = words[i + 1];
        if (w === '!') {
            negated = true;
            continue;
        }
        switch (w) {
            case '-A':
            case '--append':
            case '-I':
            case '--insert':
                chain = value;
                i++;
                if (w.startsWith('-I') || w === '--insert') {
                    if (/^\d+$/.test(words[i + 1]?.text ?? ''))
                        i++;
                }
                break;
            case '-d':
            case '--destination':
            case '--dst':
                if (value)
                    destinations.push({ word: value, negated, range: false });
                i++;
                break;
            case '--dst-range':
                if (value)
                    destinations.push({ word: value, negated, range: true });
                i++;
                break;
            case '-s':
            case '--source':
            case '--src':
                if (value)
                    sources.push({ word: value, negated, range: false });
                i++;
                break;
            case '--src-range':
                if (value)
                    sources.push({ word: value, negated, range: true });
                i++;
                break;
            case '-p':
            case '--protocol':
                protocol = negated ? 'all' : value?.text.toLowerCase();
                i++;
                break;
            case '--dport':
            case '--destination-port':
            case '--dports':
            case '--destination-ports':
                if (value)
                    ports.push({ word: value, negated });
                i++;
                break;
            case '--match-set': {
                const flags = words[i + 2];
                if (value && !negated)
                    sets.push({ word: value, flags: flags?.text ?? '' });
                i += 2;
                break;
            }
            case '--comment':
                comment = value?.text;
                i++;
                break;
            case '-j':
            case '--jump':
            case '-g':
            case '--goto':
                target = value?.text;
                i++;
                break;
            default:
                if (WITH_VALUE.has(w))
                    i++;
        }
        negated = false;
    }
    return { chain, destinations, sources, protocol, ports, sets, target, comment };
}
/** `443`, `1000:2000`, `80,443,8000:8080`, service names. */
function iptables_readPorts(word) {
    let set = PortSet.EMPTY;
    for (const part of word.text.split(',')) {
        const parsed = parseServicePort(part.replace(':', '-'));
        if (typeof parsed === 'string')
            return parsed.replace(part.replace(':', '-'), part);
        set = set.union(parsed);
    }
    return set;
}
function iptables_portSpec(protocol, ports) {
    const p = protocol === '6' ? 'tcp' : protocol === '17' ? 'udp' : protocol;
    if (p === undefined || p === 'all' || p === '0') {
        return { tcp: PortSet.ANY, udp: PortSet.ANY };
    }
    const allowed = ports ?? PortSet.ANY;
    return {
        tcp: p === 'tcp' ? allowed : PortSet.EMPTY,
        udp: p === 'udp' ? allowed : PortSet.EMPTY,
    };
}
/** A rule line, without a leading `iptables`/`ip6tables` command (scripts) ; undefined for other lines. */
function ruleText(line) {
    const m = /^(\s*(?:sudo\s+)?(?:\/\S*\/)?(?:ip6?tables(?:-legacy|-nft)?\s+(?:-t\s+\S+\s+|-w\s+(?:\d+\s+)?)*)?)(?:-A|-I|--append|--insert)\s/.exec(line);
    if (!m)
        return undefined;
    return { text: line.slice(m[1].length), start: m[1].length };
}
function parseIptables(file) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: 'iptables-save', entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const lines = withoutBom(file.text).split('\n');
    let table = 'filter';
    let above = [];
    const chains = new Map();
    const at = (line, column) => ({ file: file.path, line, column });
    lines.forEach((raw, index) => {
        const lineNo = index + 1;
        const line = raw.replace(/\r$/, '');
        const trimmed = line.trim();
        if (trimmed === '') {
            above = [];
            return;
        }
        if (trimmed.startsWith('#')) {
            const text = trimmed.slice(1).trim();
            if (isMeaningfulComment(text) && !/^(?:Generated by|Completed on)\b/.test(text))
                above.push(text);
            return;
        }
        const attached = above.length > 0 ? above.join('\n') : undefined;
        above = [];
        if (trimmed.startsWith('*')) {
            table = trimmed.slice(1).trim();
            return;
        }
        const rule = ruleText(line);
        if (!rule)
            return;
        const words = splitWords(rule.text);
        if (!Array.isArray(words)) {
            problems.push({ location: at(lineNo, rule.start + words.column + 1), message: words.error });
            return;
        }
        const shifted = words.map((w) => ({ text: w.text, column: w.column + rule.start + 1 }));
        const r = readRule(shifted);
        if (table !== 'filter' || r.target !== 'ACCEPT')
            return;
        let ports;
        for (const p of r.ports) {
            const parsed = iptables_readPorts(p.word);
            if (typeof parsed === 'string') {
                problems.push({ location: at(lineNo, p.word.column), message: parsed, text: p.word.text });
                return;
            }
            const set = p.negated ? PortSet.ANY.subtract(parsed) : parsed;
            ports = ports ? ports.union(set) : set;
        }
        const spec = iptables_portSpec(r.protocol, ports);
        for (const s of r.sets) {
            const direction = s.flags.split(',')[0] === 'src' ? 'source' : 'destination';
            problems.push({
                location: at(lineNo, s.word.column),
                message: `ipset "${s.word.text}" is kept outside this file; its ${direction} addresses are not compared`,
                text: s.word.text,
                severity: 'notice',
            });
        }
        const source = r.destinations.length === 0;
        const chosen = source ? r.sources : r.destinations;
        const chainName = r.chain?.text ?? '';
        const comment = [r.comment, attached].filter((c) => c !== undefined && c !== '').join('\n') || undefined;
        for (const d of chosen) {
            const flag = source ? '-s' : '-d';
            if (d.negated) {
                problems.push({
                    location: at(lineNo, d.word.column),
                    message: `"! ${flag} ${d.word.text}" accepts every address but the ones named; not compared`,
                    text: d.word.text,
                    severity: 'notice',
                });
                continue;
            }
            let offset = 0;
            for (const part of d.word.text.split(',')) {
                const column = d.word.column + offset;
                offset += part.length + 1;
                const location = at(lineNo, column);
                if (classifyValue(part) !== 'ip') {
                    problems.push({
                        location,
                        message: `"${part}" is a host name, which iptables resolves once when the rule is added; not compared`,
                        text: part,
                        severity: 'notice',
                    });
                    continue;
                }
                const block = readAddress(part, d.range);
                if (typeof block === 'string') {
                    problems.push({ location, message: block, text: part });
                    continue;
                }
                if (source) {
                    const chain = chains.get(chainName) ?? { sourceCount: 0, sourceAt: undefined };
                    chain.sourceCount++;
                    chain.sourceAt ??= location;
                    chains.set(chainName, chain);
                }
                const note = source ? `source address (-s) in chain "${chainName}"` : undefined;
                const full = [comment, note].filter((c) => c !== undefined).join('\n') || undefined;
                entries.push({ kind: 'ip', text: part, location, block, ports: spec, comment: full });
            }
        }
    });
    for (const [name, chain] of chains) {
        const n = chain.sourceCount;
        problems.push({
            location: chain.sourceAt,
            message: `chain "${name}" accepts traffic by source address ("-s"): the list is written for the other direction; its ${n} ${n === 1 ? 'address is' : 'addresses are'} compared as destinations`,
            severity: 'notice',
        });
    }
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return result;
}
/** `10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `2603:1006::/40`, and `a-b` from `--dst-range`. */
function readAddress(text, range) {
    if (!range && text.includes('-'))
        return `"${text}" is not an address or prefix (ranges need -m iprange --dst-range)`;
    const slash = text.indexOf('/');
    let written = text;
    if (slash >= 0 && text.slice(slash + 1).includes('.')) {
        const len = prefixOfMask(text.slice(slash + 1));
        if (typeof len === 'string')
            return len;
        written = `${text.slice(0, slash)}/${len}`;
    }
    const parsed = parseIpBlock(written);
    return parsed.ok ? parsed.value : parsed.error;
}
const iptables_SAMPLE_CHARS = 64 * 1024;
function detectIptables(file) {
    const path = file.path.toLowerCase();
    const head = file.text.slice(0, iptables_SAMPLE_CHARS);
    const saved = /^\*(?:filter|nat|mangle|raw|security)\s*$/m.test(head) && /^COMMIT\s*$/m.test(head);
    const rules = /^-A\s+\S+\s/m.test(head);
    const named = /(?:^|\/)(?:[^/]*\.)?(?:iptables|ip6tables|rules\.v[46])[^/]*$/.test(path) ||
        /\.(?:rules|v4|v6)$/.test(path);
    if (saved && rules)
        return 10;
    if (rules && named)
        return 8;
    if (saved || (named && /^:\w+\s+(?:ACCEPT|DROP|-)/m.test(head)))
        return 6;
    return 0;
}
/**
 * iptables-save and ip6tables-save output (`/etc/iptables/rules.v4`, `rules.v6`). Entries are
 * the destinations (`-d`, `--dst-range`) of `-j ACCEPT` rules in the filter table, with the
 * rule's protocol (`-p`) and ports (`--dport`, `-m multiport --dports`). Rules that accept by
 * source only (`-s`) are read too, with a notice per chain; `-m set --match-set` names an ipset
 * kept elsewhere and is a notice. `-m comment --comment` and `#` lines above a rule are its comment.
 *
 * Settings: none.
 */
const IPTABLES = {
    id: 'iptables-save',
    title: 'iptables-save rules',
    filePatterns: ['*.rules', 'rules.v4', 'rules.v6', 'iptables*'],
    capabilities: PACKET_FILTER_CAPABILITIES,
    detect: detectIptables,
    parse: parseIptables,
};

;// CONCATENATED MODULE: ./src/model/collections.ts
/** Appends in place; `push(...list)` overflows the stack for lists of a few hundred thousand. */
function append(to, from) {
    for (const item of from)
        to.push(item);
}

;// CONCATENATED MODULE: ./src/formats/allowlist/kubernetes.ts








const POLICY_KINDS = {
    NetworkPolicy: 'kubernetes',
    CiliumNetworkPolicy: 'cilium',
    CiliumClusterwideNetworkPolicy: 'cilium',
};
class kubernetes_Reader {
    path;
    positions;
    entries = [];
    problems = [];
    policies = 0;
    /** Comments above the first item of a list, which YAML gives to the list. */
    #leading = new WeakMap();
    constructor(path, positions) {
        this.path = path;
        this.positions = positions;
    }
    at(node) {
        const range = node?.range;
        const pos = this.positions.at(range ? range[0] : 0);
        const quoted = (0,dist/* isScalar */.jn)(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
        return { file: this.path, line: pos.line, column: pos.column + quoted };
    }
    problem(node, message, severity, text) {
        this.problems.push({
            location: this.at(node),
            message,
            ...(text !== undefined ? { text } : {}),
            ...(severity ? { severity } : {}),
        });
    }
    /** The items of a list, remembering a comment above the first one. */
    list(node) {
        if (!(0,dist/* isSeq */.oP)(node))
            return [];
        const first = node.items[0];
        const comment = cleanComment(node.commentBefore);
        if (comment && typeof first === 'object' && first !== null)
            this.#leading.set(first, comment);
        return node.items;
    }
    leading(node) {
        return typeof node === 'object' && node !== null ? this.#leading.get(node) : undefined;
    }
    /** A document, or a `kind: List` of them. */
    object(node, depth = 0) {
        if (!(0,dist/* isMap */.jh)(node) || depth > 8)
            return;
        const kind = kubernetes_scalarText(node.get('kind', true));
        if (kind === 'List') {
            const items = node.get('items', true);
            if ((0,dist/* isSeq */.oP)(items))
                for (const item of items.items)
                    this.object(item, depth + 1);
            return;
        }
        const flavour = kind === undefined ? undefined : POLICY_KINDS[kind];
        if (!flavour)
            return;
        this.policies++;
        const name = kubernetes_scalarText(node.get('metadata', true)?.get?.('name', true));
        const label = `${kind}${name ? ` "${name}"` : ''}`;
        const spec = node.get('spec', true);
        const specs = node.get('specs', true);
        const all = [...((0,dist/* isMap */.jh)(spec) ? [spec] : []), ...((0,dist/* isSeq */.oP)(specs) ? specs.items : [])];
        for (const s of all) {
            if (!(0,dist/* isMap */.jh)(s))
                continue;
            const egress = s.get('egress', true);
            if (egress === undefined || egress === null)
                continue;
            if (!(0,dist/* isSeq */.oP)(egress)) {
                this.problem(egress, `"egress" must be a list of rules`);
                continue;
            }
            for (const rule of egress.items) {
                if ((0,dist/* isMap */.jh)(rule))
                    this.rule(rule, flavour, label);
                else
                    this.problem(rule, `an egress rule must be a mapping`);
            }
        }
    }
    rule(rule, flavour, label) {
        const ports = flavour === 'kubernetes' ? this.k8sPorts(rule) : this.ciliumPorts(rule);
        if (ports === null)
            return;
        const note = `egress rule of ${label}`;
        if (flavour === 'kubernetes') {
            for (const peer of this.list(rule.get('to', true))) {
                if (!(0,dist/* isMap */.jh)(peer))
                    continue;
                const block = peer.get('ipBlock', true);
                if ((0,dist/* isMap */.jh)(block))
                    this.cidr(block, ports, note, true, peer);
            }
            return;
        }
        for (const cidr of this.list(rule.get('toCIDR', true))) {
            this.address(cidr, [], ports, note, false);
        }
        for (const set of this.list(rule.get('toCIDRSet', true))) {
            if ((0,dist/* isMap */.jh)(set))
                this.cidr(set, ports, note, false, set);
        }
        for (const fqdn of this.list(rule.get('toFQDNs', true))) {
            if (!(0,dist/* isMap */.jh)(fqdn))
                continue;
            const name = fqdn.get('matchName', true);
            const pattern = fqdn.get('matchPattern', true);
            if (name !== undefined)
                this.host(name, 'matchName', ports, note, fqdn);
            if (pattern !== undefined)
                this.host(pattern, 'matchPattern', ports, note, fqdn);
        }
    }
    /** `{ cidr, except }` of an ipBlock or a toCIDRSet entry. */
    cidr(map, ports, note, strict, item) {
        const cidr = map.get('cidr', true);
        if (cidr === undefined) {
            if (!map.has('cidrGroupRef') && !map.has('cidrGroupSelector')) {
                this.problem(map, `an ipBlock needs a "cidr"`);
            }
            else {
                this.problem(map, `a CIDR group is defined elsewhere; its addresses are not compared`, 'notice');
            }
            return;
        }
        const except = kubernetes_items(map.get('except', true));
        this.address(cidr, except, ports, note, strict, item);
    }
    address(node, except, ports, note, strict, item) {
        const block = this.block(node, strict);
        if (!block)
            return;
        const text = block.written;
        const excluded = [];
        for (const e of except) {
            const b = this.block(e, strict);
            if (!b)
                continue;
            if (!block.value.contains(b.value)) {
                this.problem(e, `except "${b.written}" is not inside "${text}"`, undefined, b.written);
                continue;
            }
            excluded.push(b.value);
        }
        const location = this.at(node);
        const comment = joinComments(commentOf(node, item) ?? this.leading(item ?? node), note);
        if (excluded.length === 0 || excluded.every(isSpecialUse)) {
            // Taking private or special-use space out of a block changes no public endpoint it allows.
            const how = excluded.length === 0
                ? undefined
                : `except ${excluded.map((b) => `"${b.text}"`).join(', ')}, which hold no public addresses`;
            this.entries.push({
                kind: 'ip',
                text,
                location,
                block: block.value,
                ports,
                comment: joinComments(comment, how),
            });
            return;
        }
        // The engine compares plain blocks: what the except list leaves is written as CIDRs.
        const rest = IpSet.of([block.value.masked()]).subtract(IpSet.of(excluded)).toCidrs();
        const how = `part of "${text}" except ${excluded.map((b) => `"${b.text}"`).join(', ')}`;
        for (const piece of rest) {
            this.entries.push({
                kind: 'ip',
                text: piece.text,
                location,
                block: piece,
                ports,
                comment: joinComments(comment, how),
            });
        }
    }
    block(node, strict) {
        const text = kubernetes_scalarText(node);
        if (text === undefined) {
            this.problem(node, `a CIDR must be a string`);
            return undefined;
        }
        const parsed = parseIpBlock(text.trim());
        if (!parsed.ok) {
            this.problem(node, parsed.error, undefined, text);
            return undefined;
        }
        if (parsed.value.prefixLength === undefined || text.includes('-')) {
            this.problem(node, `"${text}" is a range; a CIDR is expected`, undefined, text);
            return undefined;
        }
        if (strict && !text.includes('/')) {
            const len = parsed.value.family === 4 ? 32 : 128;
            this.problem(node, `"${text}" is not a CIDR (write "${text}/${len}")`, undefined, text);
            return undefined;
        }
        return { value: parsed.value, written: text.trim() };
    }
    /**
     * Cilium's `*` matches characters within one label (a leading `*.` is exactly one label), and a
     * leading `**.` one or more whole labels: the pattern is compared with that meaning.
     */
    host(node, key, ports, note, item) {
        const text = kubernetes_scalarText(node);
        if (text === undefined) {
            this.problem(node, `"${key}" must be a string`);
            return;
        }
        if (key !== 'matchPattern' && text.includes('*')) {
            this.problem(node, `"${text}" has a "*", which matchName does not read; use matchPattern`, undefined, text);
            return;
        }
        const parsed = HostPattern.parse(text.trim(), { cilium: key === 'matchPattern' });
        if (!parsed.ok) {
            this.problem(node, parsed.error, undefined, text);
            return;
        }
        const comment = joinComments(commentOf(node, item) ?? this.leading(item ?? node), note);
        this.entries.push({
            kind: 'host',
            text,
            location: this.at(node),
            pattern: parsed.value,
            ports,
            comment,
        });
    }
    // --- ports ----------------------------------------------------------------------------------
    /** NetworkPolicy `ports: [{protocol, port, endPort}]`; none means every port. Null after a problem. */
    k8sPorts(rule) {
        const list = kubernetes_items(rule.get('ports', true));
        if (list.length === 0)
            return { tcp: PortSet.ANY, udp: PortSet.ANY };
        let spec = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
        for (const p of list) {
            if (!(0,dist/* isMap */.jh)(p))
                continue;
            const protocol = (kubernetes_scalarText(p.get('protocol', true)) ?? 'TCP').toUpperCase();
            const set = this.portRange(p);
            if (set === null)
                return null;
            spec = addPorts(spec, protocol, set);
        }
        return spec;
    }
    /** Cilium `toPorts: [{ports: [{port, protocol, endPort}]}]`; protocol ANY means TCP and UDP. */
    ciliumPorts(rule) {
        const groups = kubernetes_items(rule.get('toPorts', true));
        if (groups.length === 0)
            return { tcp: PortSet.ANY, udp: PortSet.ANY };
        let spec = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
        for (const g of groups) {
            if (!(0,dist/* isMap */.jh)(g))
                continue;
            const list = kubernetes_items(g.get('ports', true));
            if (list.length === 0)
                spec = addPorts(spec, 'ANY', PortSet.ANY);
            for (const p of list) {
                if (!(0,dist/* isMap */.jh)(p))
                    continue;
                const protocol = (kubernetes_scalarText(p.get('protocol', true)) ?? 'ANY').toUpperCase();
                const set = this.portRange(p);
                if (set === null)
                    return null;
                spec = addPorts(spec, protocol, set);
            }
        }
        return spec;
    }
    /** `port` (number, numeric string or name) with an optional `endPort`. */
    portRange(p) {
        const portNode = p.get('port', true);
        const port = kubernetes_scalarText(portNode);
        if (port === undefined || port === '' || port === '0')
            return PortSet.ANY;
        if (!/^\d+(?:-\d+)?$/.test(port)) {
            this.problem(portNode, `"${port}" is a named port, which is not compared; read as every port`, 'notice', port);
            return PortSet.ANY;
        }
        const endNode = p.get('endPort', true);
        const end = kubernetes_scalarText(endNode);
        const text = end !== undefined && !port.includes('-') ? `${port}-${end}` : port;
        const parsed = PortSet.parse(text);
        if (!parsed.ok) {
            this.problem(end !== undefined ? endNode : portNode, parsed.error, undefined, text);
            return null;
        }
        return parsed.value;
    }
}
/** Private, loopback, link-local, shared and documentation ranges (RFC 6890). */
const SPECIAL_USE = [
    '0.0.0.0/8',
    '10.0.0.0/8',
    '100.64.0.0/10',
    '127.0.0.0/8',
    '169.254.0.0/16',
    '172.16.0.0/12',
    '192.0.0.0/24',
    '192.0.2.0/24',
    '192.168.0.0/16',
    '198.18.0.0/15',
    '198.51.100.0/24',
    '203.0.113.0/24',
    '224.0.0.0/4',
    '240.0.0.0/4',
    '::1/128',
    'fc00::/7',
    'fe80::/10',
    'ff00::/8',
    '2001:db8::/32',
].flatMap((t) => {
    const b = parseIpBlock(t);
    return b.ok ? [b.value] : [];
});
function isSpecialUse(block) {
    return SPECIAL_USE.some((s) => s.contains(block));
}
function addPorts(spec, protocol, set) {
    return {
        tcp: protocol === 'TCP' || protocol === 'ANY' ? spec.tcp.union(set) : spec.tcp,
        udp: protocol === 'UDP' || protocol === 'ANY' ? spec.udp.union(set) : spec.udp,
    };
}
function kubernetes_items(node) {
    return (0,dist/* isSeq */.oP)(node) ? node.items : [];
}
function kubernetes_scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    const v = node.value;
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
function cleanComment(raw) {
    if (!raw)
        return undefined;
    const text = raw
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && isMeaningfulComment(l))
        .join('\n');
    return text === '' ? undefined : text;
}
/** The comment after a value, or the comment lines above it or above the list item holding it. */
function commentOf(node, item) {
    const n = node;
    const fromNode = cleanComment(n?.comment) ?? cleanComment(n?.commentBefore);
    if (fromNode)
        return fromNode;
    if ((0,dist/* isMap */.jh)(item)) {
        const first = item.items[0];
        const key = (0,dist/* isPair */.tO)(first) ? first.key : undefined;
        return cleanComment(item.commentBefore) ?? cleanComment(key?.commentBefore);
    }
    return undefined;
}
function joinComments(...parts) {
    return parts.filter((p) => p !== undefined && p !== '').join('\n') || undefined;
}
function parseKubernetes(file) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: 'kubernetes', entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const text = withoutBom(file.text);
    // Lines end at "\n" only, as everywhere else in the product (YAML also breaks lines at "\r").
    const positions = new TextPositions(text);
    const parsed = (0,dist/* parseAllDocuments */.hR)(text, { prettyErrors: false });
    const docs = Array.isArray(parsed) ? parsed : [];
    const reader = new kubernetes_Reader(file.path, positions);
    for (const doc of docs) {
        // After the first syntax error the rest of a document is the parser's guess: one is enough.
        for (const e of doc.errors.slice(0, 1)) {
            const pos = positions.at(Math.min(e.pos[0], text.length));
            problems.push({
                location: { file: file.path, ...pos },
                message: `invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
            });
        }
        reader.object(doc.contents);
    }
    if (reader.policies === 0 && problems.length === 0) {
        problems.push({
            location: { file: file.path, line: 0, column: 1 },
            message: `"${file.path}" holds no NetworkPolicy, CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy`,
        });
    }
    append(entries, reader.entries);
    append(problems, reader.problems);
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return result;
}
const kubernetes_SAMPLE_CHARS = 64 * 1024;
const KIND = /(?:^|[\s{,])["']?kind["']?\s*:\s*["']?(?:NetworkPolicy|CiliumNetworkPolicy|CiliumClusterwideNetworkPolicy)\b/m;
function detectKubernetes(file) {
    const path = file.path.toLowerCase();
    if (!/\.(?:ya?ml|json)$/.test(path))
        return 0;
    return KIND.test(file.text.slice(0, kubernetes_SAMPLE_CHARS)) ? 10 : 0;
}
/**
 * Kubernetes NetworkPolicy (`spec.egress[].to[].ipBlock` `cidr` and `except`, `ports` with
 * `protocol`, `port`, `endPort`) and Cilium CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy
 * (`toFQDNs` `matchName` and `matchPattern`, `toCIDR`, `toCIDRSet` with `except`, `toPorts`).
 * Egress rules only; an address range less its `except` blocks becomes the CIDRs that remain.
 * Several documents per file and `kind: List` are read.
 *
 * Settings: none.
 */
const KUBERNETES = {
    id: 'kubernetes',
    title: 'Kubernetes / Cilium network policy',
    filePatterns: ['*.yaml', '*.yml', '*.json'],
    capabilities: RULE_CAPABILITIES,
    detect: detectKubernetes,
    parse: parseKubernetes,
};

;// CONCATENATED MODULE: ./src/formats/allowlist/nftables.ts








function nftables_report(problems, offset, message, text, severity) {
    problems.list.push({
        location: problems.at(offset),
        message,
        ...(text !== undefined ? { text } : {}),
        ...(severity ? { severity } : {}),
    });
}
function nftables_isSpace(c) {
    return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}
/** Characters that end a word. */
function isBreak(c) {
    return (nftables_isSpace(c) ||
        c === 10 ||
        c === 123 /* { */ ||
        c === 125 /* } */ ||
        c === 59 /* ; */ ||
        c === 44 /* , */ ||
        c === 34 /* " */ ||
        c === 35 /* # */);
}
function tokenize(text, positions, comments, problems) {
    const tokens = [];
    const n = text.length;
    let lineHasCode = false;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (nftables_isSpace(c)) {
            i++;
            continue;
        }
        if (c === 10) {
            tokens.push({ kind: 'end', text: '\n', offset: i });
            lineHasCode = false;
            i++;
            continue;
        }
        if (c === 92 /* \ */) {
            // A backslash before the end of the line continues the statement on the next one.
            let j = i + 1;
            while (j < n && nftables_isSpace(text.charCodeAt(j)))
                j++;
            if (j >= n || text.charCodeAt(j) === 10) {
                i = j + 1;
                continue;
            }
        }
        if (c === 35 /* # */) {
            let end = text.indexOf('\n', i);
            if (end < 0)
                end = n;
            // `#!/usr/sbin/nft -f` says how to run the file; it is no comment on the first entry.
            if (i !== 0 || text.charCodeAt(1) !== 33) {
                comments.add(positions.at(i).line, text.slice(i + 1, end), !lineHasCode);
            }
            i = end;
            continue;
        }
        lineHasCode = true;
        if (c === 59)
            tokens.push({ kind: 'end', text: ';', offset: i++ });
        else if (c === 123)
            tokens.push({ kind: 'open', text: '{', offset: i++ });
        else if (c === 125)
            tokens.push({ kind: 'close', text: '}', offset: i++ });
        else if (c === 44)
            tokens.push({ kind: 'comma', text: ',', offset: i++ });
        else if (c === 34) {
            let end = i + 1;
            while (end < n && text.charCodeAt(end) !== 34 && text.charCodeAt(end) !== 10)
                end++;
            if (end >= n || text.charCodeAt(end) !== 34) {
                nftables_report(problems, i, `unterminated string ${JSON.stringify(text.slice(i, end))}`);
                tokens.push({ kind: 'string', text: text.slice(i + 1, end), offset: i + 1 });
                i = end;
            }
            else {
                tokens.push({ kind: 'string', text: text.slice(i + 1, end), offset: i + 1 });
                i = end + 1;
            }
        }
        else {
            const start = i;
            while (i < n && !isBreak(text.charCodeAt(i)))
                i++;
            tokens.push({ kind: 'word', text: text.slice(start, i), offset: start });
        }
    }
    return tokens;
}
const CONTAINERS = new Set(['table', 'chain', 'set', 'map', 'flowtable']);
const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);
function words(items) {
    const out = [];
    for (const item of items)
        if (item.kind === 'word')
            out.push(item.text);
    return out;
}
/** Whether a `{` after these items opens a block of statements rather than an anonymous set. */
function opensBlock(items) {
    const w = words(items);
    if (w.length !== items.length || w.length === 0)
        return false;
    if (CONTAINERS.has(w[0]))
        return true;
    if ((w[0] === 'add' || w[0] === 'create') && CONTAINERS.has(w[1] ?? ''))
        return true;
    if ((w[0] === 'counter' || w[0] === 'quota') && w.length === 2)
        return true;
    return w[0] === 'ct' && ['helper', 'timeout', 'expectation'].includes(w[1] ?? '');
}
/** Real rulesets nest a few levels; a limit keeps hostile input from exhausting the stack. */
const nftables_MAX_NESTING = 64;
class StructureReader {
    tokens;
    problems;
    #i = 0;
    constructor(tokens, problems) {
        this.tokens = tokens;
        this.problems = problems;
    }
    block(opener, depth = 0) {
        const stmts = [];
        let cur = [];
        const flush = () => {
            if (cur.length > 0)
                stmts.push({ items: cur });
            cur = [];
        };
        for (;;) {
            const t = this.tokens[this.#i++];
            if (!t) {
                flush();
                if (opener)
                    nftables_report(this.problems, opener.offset, 'unclosed "{"');
                return stmts;
            }
            if (t.kind === 'end')
                flush();
            else if (t.kind === 'close') {
                if (opener) {
                    flush();
                    return stmts;
                }
                nftables_report(this.problems, t.offset, 'unexpected "}" without a matching "{"');
            }
            else if (t.kind === 'open') {
                if (opensBlock(cur) && depth >= nftables_MAX_NESTING) {
                    nftables_report(this.problems, t.offset, 'blocks are nested too deeply to be read');
                    this.skipGroup();
                    cur = [];
                }
                else if (opensBlock(cur)) {
                    stmts.push({ items: cur, body: this.block(t, depth + 1) });
                    cur = [];
                }
                else {
                    cur.push(this.group(t));
                }
            }
            else
                cur.push(t);
        }
    }
    group(opener, depth = 0) {
        const items = [];
        for (;;) {
            const t = this.tokens[this.#i++];
            if (!t) {
                nftables_report(this.problems, opener.offset, 'unclosed "{"');
                return { kind: 'group', items, offset: opener.offset };
            }
            if (t.kind === 'close')
                return { kind: 'group', items, offset: opener.offset };
            if (t.kind === 'open') {
                if (depth < nftables_MAX_NESTING)
                    items.push(this.group(t, depth + 1));
                else {
                    nftables_report(this.problems, t.offset, 'sets are nested too deeply to be read');
                    this.skipGroup();
                }
            }
            else if (t.kind !== 'end')
                items.push(t);
        }
    }
    /** Moves past the `}` that closes a `{` just read, without building anything. */
    skipGroup() {
        let open = 1;
        while (open > 0 && this.#i < this.tokens.length) {
            const t = this.tokens[this.#i++];
            if (t.kind === 'open')
                open++;
            else if (t.kind === 'close')
                open--;
        }
    }
}
class Ruleset {
    text;
    path;
    positions;
    comments;
    problems;
    sets = new Map();
    defines = new Map();
    usedDefines = new Set();
    entries = [];
    constructor(text, path, positions, comments, problems) {
        this.text = text;
        this.path = path;
        this.positions = positions;
        this.comments = comments;
        this.problems = problems;
    }
    // --- statements -----------------------------------------------------------------------------
    top(stmts) {
        const rules = [];
        const chains = new Map();
        const chainOf = (table, name, hook) => {
            const key = `${table} ${name}`;
            let chain = chains.get(key);
            if (!chain) {
                chain = { name, hook, sourceCount: 0, sourceOffset: undefined };
                chains.set(key, chain);
            }
            return chain;
        };
        const tableBody = (table, body) => {
            for (const s of body) {
                const w = words(s.items);
                if (w[0] === 'chain' && s.body) {
                    const chain = chainOf(table, w[1] ?? '', hookOf(s.body));
                    for (const r of s.body)
                        rules.push({ table, chain, items: r.items });
                }
                else if ((w[0] === 'set' || w[0] === 'map') && s.body) {
                    this.defineSet(table, s.items[1], s.body);
                }
            }
        };
        for (const s of stmts) {
            const w = words(s.items);
            const verb = w[0];
            if (verb === 'table' && s.body) {
                tableBody(tableKey(w.slice(1)), s.body);
            }
            else if (verb === 'define') {
                const name = w[1];
                const eq = s.items.findIndex((item) => item.kind === 'word' && item.text === '=');
                if (name && eq >= 0)
                    this.defines.set(name, s.items.slice(eq + 1));
            }
            else if (verb === 'include') {
                const file = s.items[1];
                if (file) {
                    nftables_report(this.problems, file.offset, `the included file "${file.kind === 'group' ? '{...}' : file.text}" is not read; its addresses are not compared`, undefined, 'notice');
                }
            }
            else if (verb === 'add' || verb === 'create' || verb === 'insert') {
                const what = w[1];
                const hasFamily = FAMILIES.has(w[2] ?? '');
                const table = tableKey(hasFamily ? [w[2], w[3] ?? ''] : [w[2] ?? '']);
                const rest = hasFamily ? 4 : 3;
                if (what === 'table' && s.body)
                    tableBody(table, s.body);
                else if (what === 'chain' && s.body) {
                    const chain = chainOf(table, w[rest] ?? '', hookOf(s.body));
                    for (const r of s.body)
                        rules.push({ table, chain, items: r.items });
                }
                else if ((what === 'set' || what === 'map') && s.body) {
                    this.defineSet(table, s.items[rest], s.body);
                }
                else if (what === 'element') {
                    const group = s.items[rest + 1];
                    const set = this.setOf(table, s.items[rest]);
                    if (group && set)
                        append(set.elements, this.elements(group, true));
                }
                else if (what === 'rule') {
                    const chain = chainOf(table, w[rest] ?? '');
                    rules.push({ table, chain, items: s.items.slice(rest + 1) });
                }
            }
        }
        for (const r of rules)
            this.rule(r.table, r.chain, r.items);
        this.setEntries();
        this.unusedDefines();
        for (const chain of chains.values()) {
            if (chain.sourceOffset === undefined)
                continue;
            const count = chain.sourceCount;
            nftables_report(this.problems, chain.sourceOffset, `chain "${chain.name}"${chain.hook ? ` (hook ${chain.hook})` : ''} accepts traffic by source address ("saddr"): the list is written for the other direction; its ${count} ${count === 1 ? 'address is' : 'addresses are'} compared as destinations`, undefined, 'notice');
        }
    }
    defineSet(table, nameItem, body) {
        if (!nameItem || nameItem.kind === 'group')
            return;
        let type;
        let comment;
        const elements = [];
        for (const s of body) {
            const w = words(s.items);
            if (w[0] === 'type')
                type = w.slice(1).join(' ');
            else if (w[0] === 'typeof')
                type = w[1] === 'ip' ? 'ipv4_addr' : w[1] === 'ip6' ? 'ipv6_addr' : w.slice(1).join(' ');
            else if (w[0] === 'comment')
                comment = stringAfter(s.items, 0);
            else if (w[0] === 'elements') {
                const group = s.items.find((item) => item.kind === 'group');
                if (group)
                    append(elements, this.elements(group, true));
            }
        }
        const key = `${table} ${nameItem.text}`;
        const existing = this.sets.get(key);
        if (existing) {
            append(existing.elements, elements);
            return;
        }
        this.sets.set(key, {
            name: nameItem.text,
            offset: nameItem.offset,
            type,
            elements,
            comment,
            uses: [],
            referenced: false,
        });
    }
    setOf(table, nameItem) {
        if (!nameItem || nameItem.kind === 'group')
            return undefined;
        const key = `${table} ${nameItem.text}`;
        let set = this.sets.get(key);
        if (!set) {
            set = {
                name: nameItem.text,
                offset: nameItem.offset,
                type: undefined,
                elements: [],
                uses: [],
                referenced: false,
            };
            this.sets.set(key, set);
        }
        return set;
    }
    // --- values ---------------------------------------------------------------------------------
    /** The elements a value stands for: a word, a `{ }` group, a `$variable` (expanded). */
    elements(item, expand, depth = 0) {
        if (item.kind === 'group') {
            const out = [];
            let part = [];
            const flush = () => {
                if (part.length > 0)
                    append(out, this.element(part, expand, depth));
                part = [];
            };
            for (const sub of item.items) {
                if (sub.kind === 'comma')
                    flush();
                else
                    part.push(sub);
            }
            flush();
            return out;
        }
        return this.element([item], expand, depth);
    }
    /** One element: `a`, `a - b`, `a . b`, with `comment "..."`, `timeout 1h` and the like after it. */
    element(parts, expand, depth) {
        const first = parts[0];
        if (!first)
            return [];
        if (first.kind === 'group')
            return this.elements(first, expand, depth + 1);
        if (first.kind !== 'word' && first.kind !== 'string')
            return [];
        if (expand && first.text.startsWith('$') && depth < 16) {
            const name = first.text.slice(1);
            const value = this.defines.get(name);
            this.usedDefines.add(name);
            if (!value) {
                nftables_report(this.problems, first.offset, `"${first.text}" is not defined in this file; its addresses are not compared`, first.text, 'notice');
                return [];
            }
            return value.flatMap((v) => this.elements(v, true, depth + 1));
        }
        let end = first.offset + first.text.length;
        let concatenated = false;
        const second = parts[1];
        const third = parts[2];
        if (second?.kind === 'word' &&
            (second.text === '-' || second.text === '.') &&
            third?.kind === 'word') {
            concatenated = second.text === '.';
            end = third.offset + third.text.length;
        }
        else if (first.text.endsWith('-') &&
            second?.kind === 'word' &&
            /^[0-9a-f:]/i.test(second.text)) {
            end = second.offset + second.text.length;
        }
        const commentAt = parts.findIndex((p) => p.kind === 'word' && p.text === 'comment');
        const comment = commentAt >= 0 ? stringAfter(parts, commentAt) : undefined;
        return [
            { text: this.text.slice(first.offset, end), offset: first.offset, comment, concatenated },
        ];
    }
    // --- rules ----------------------------------------------------------------------------------
    rule(table, chain, items) {
        const addresses = [];
        let verdict;
        let comment;
        let protocols;
        let tcp;
        let udp;
        let anyPorts;
        let portProblem = false;
        const word = (i) => {
            const item = items[i];
            return item?.kind === 'word' ? item.text : undefined;
        };
        for (let i = 0; i < items.length; i++) {
            const w = word(i);
            if (w === undefined)
                continue;
            const next = word(i + 1);
            if ((w === 'ip' || w === 'ip6') && (next === 'daddr' || next === 'saddr')) {
                let j = i + 2;
                const negated = word(j) === '!=';
                if (negated || word(j) === '==')
                    j++;
                const start = items[i].offset;
                if (word(j) === '.') {
                    // `ip daddr . tcp dport @set`: the set's elements are concatenations.
                    while (j < items.length && !isSetValue(items[j]))
                        j++;
                }
                const parts = word(j + 1) === '-' && word(j + 2) !== undefined
                    ? items.slice(j, j + 3)
                    : items.slice(j, j + 1);
                addresses.push({
                    family: w === 'ip' ? 4 : 6,
                    source: next === 'saddr',
                    negated,
                    value: items[j],
                    parts,
                    offset: start,
                    written: `${w} ${next}`,
                });
                i = j + parts.length - 1;
            }
            else if (TRANSPORTS.has(w) && (next === 'dport' || next === 'sport')) {
                let j = i + 2;
                const negated = word(j) === '!=';
                if (negated || word(j) === '==')
                    j++;
                const value = items[j];
                i = j;
                if (next === 'sport' || !value)
                    continue;
                let set = PortSet.EMPTY;
                for (const el of this.portElements(value, table)) {
                    const parsed = parseServicePort(el.text);
                    if (typeof parsed === 'string') {
                        nftables_report(this.problems, el.offset, parsed, el.text);
                        portProblem = true;
                    }
                    else
                        set = set.union(parsed);
                }
                if (negated)
                    set = PortSet.ANY.subtract(set);
                if (w === 'tcp')
                    tcp = (tcp ?? PortSet.EMPTY).union(set);
                else if (w === 'udp')
                    udp = (udp ?? PortSet.EMPTY).union(set);
                else if (w === 'th')
                    anyPorts = (anyPorts ?? PortSet.EMPTY).union(set);
                else {
                    // SCTP and the like carry neither TCP nor UDP.
                    tcp ??= PortSet.EMPTY;
                    udp ??= PortSet.EMPTY;
                }
            }
            else if ((w === 'meta' && next === 'l4proto') ||
                (w === 'ip' && next === 'protocol') ||
                (w === 'ip6' && next === 'nexthdr')) {
                const value = items[i + 2];
                if (value) {
                    const names = this.elements(value, true).map((e) => e.text.toLowerCase());
                    protocols = [
                        ...(protocols ?? []),
                        ...names.filter((p) => p === 'tcp' || p === 'udp'),
                    ];
                }
                i += 2;
            }
            else if (w === 'comment') {
                comment = stringAfter(items, i);
                i++;
            }
            else if (VERDICTS.has(w)) {
                verdict = w;
            }
        }
        if (verdict !== 'accept' || portProblem)
            return;
        const ports = nftables_portSpec(protocols, tcp, udp, anyPorts);
        const destinations = addresses.filter((a) => !a.source);
        const source = destinations.length === 0;
        const chosen = source ? addresses : destinations;
        for (const match of chosen) {
            const value = match.value;
            if (!value)
                continue;
            if (match.negated) {
                nftables_report(this.problems, match.offset, `"${match.written} != ..." accepts every address but the ones named; not compared`, match.written, 'notice');
                continue;
            }
            if (value.kind === 'word' && value.text.startsWith('@')) {
                const set = this.sets.get(`${table} ${value.text.slice(1)}`);
                if (!set) {
                    nftables_report(this.problems, value.offset, `set "${value.text.slice(1)}" is not defined in this file; its addresses are not compared`, value.text, 'notice');
                    continue;
                }
                set.referenced = true;
                set.uses.push({ ports, source, chain });
                if (source)
                    this.countSource(chain, set.elements.length, match.offset);
                continue;
            }
            const elements = match.parts.length > 1 ? this.element(match.parts, true, 0) : this.elements(value, true);
            if (source)
                this.countSource(chain, elements.length, match.offset);
            for (const el of elements) {
                this.addEntry(el, match.family, ports, [el.comment, comment, this.commentFor(el.offset, match.offset)], source, chain);
            }
        }
    }
    /** Port values: words, groups, `$variables` and `@sets` of services. */
    portElements(value, table) {
        if (value.kind === 'word' && value.text.startsWith('@')) {
            const set = this.sets.get(`${table} ${value.text.slice(1)}`);
            if (set)
                set.referenced = true;
            return set?.elements ?? [];
        }
        return this.elements(value, true);
    }
    countSource(chain, count, offset) {
        chain.sourceCount += count;
        chain.sourceOffset ??= offset;
    }
    /** The `#` comment on the element's line or right above it, else the one of its rule. */
    commentFor(elementOffset, ruleOffset) {
        const line = this.positions.at(elementOffset).line;
        const ruleLine = this.positions.at(ruleOffset).line;
        return this.comments.at(line) ?? (ruleLine !== line ? this.comments.at(ruleLine) : undefined);
    }
    addEntry(el, family, ports, notes, source, chain) {
        if (el.concatenated) {
            nftables_report(this.problems, el.offset, `"${el.text}" is a concatenation; its parts are not compared`, el.text, 'notice');
            return;
        }
        const text = el.text;
        const compact = text.replace(/\s+/g, '');
        if (classifyValue(compact) !== 'ip') {
            nftables_report(this.problems, el.offset, `"${text}" is a host name, which nft resolves once when the ruleset is loaded; not compared`, text, 'notice');
            return;
        }
        const block = parseIpBlock(compact);
        if (!block.ok) {
            nftables_report(this.problems, el.offset, block.error, text);
            return;
        }
        if (family !== undefined && block.value.family !== family) {
            nftables_report(this.problems, el.offset, family === 4
                ? `"${text}" is an IPv6 address where IPv4 is expected (use "ip6")`
                : `"${text}" is an IPv4 address where IPv6 is expected (use "ip")`, text);
            return;
        }
        const direction = source && chain ? `source address (saddr) in chain "${chain.name}"` : undefined;
        const all = [...notes, direction].filter((n) => n !== undefined && n !== '');
        const comment = [...new Set(all)].join('\n') || undefined;
        const location = this.at(el.offset);
        this.entries.push({ kind: 'ip', text, location, block: block.value, ports, comment });
    }
    at(offset) {
        return { file: this.path, ...this.positions.at(offset) };
    }
    setEntries() {
        for (const set of this.sets.values()) {
            const family = familyOfType(set.type);
            if (set.type !== undefined && family === undefined)
                continue;
            const destinations = set.uses.filter((u) => !u.source);
            const uses = destinations.length > 0 ? destinations : set.uses;
            if (uses.length === 0 && set.referenced)
                continue;
            const ports = uses.length === 0
                ? undefined
                : uses.slice(1).reduce((acc, u) => unionSpec(acc, u.ports), uses[0].ports);
            const source = destinations.length === 0 && uses.length > 0;
            const note = set.referenced
                ? undefined
                : `set "${set.name}" is not used by a rule in this file`;
            for (const el of set.elements) {
                if (set.type === undefined && classifyValue(el.text) !== 'ip')
                    continue;
                const own = el.comment
                    ? this.comments.at(this.positions.at(el.offset).line)
                    : this.commentFor(el.offset, set.offset);
                this.addEntry(el, family, ports, [el.comment, own, set.comment, note], source, uses[0]?.chain);
            }
        }
    }
    /** A variable of addresses that no rule here uses is, like an unused set, read as it stands. */
    unusedDefines() {
        for (const [name, value] of this.defines) {
            if (this.usedDefines.has(name))
                continue;
            const elements = value.flatMap((v) => this.elements(v, true));
            if (elements.length === 0 || !elements.every((e) => classifyValue(e.text) === 'ip'))
                continue;
            for (const el of elements) {
                const own = this.comments.at(this.positions.at(el.offset).line);
                this.addEntry(el, undefined, undefined, [el.comment, own, `"$${name}" is not used by a rule in this file`], false, undefined);
            }
        }
    }
}
const TRANSPORTS = new Set(['tcp', 'udp', 'th', 'sctp', 'dccp', 'udplite']);
const VERDICTS = new Set([
    'accept',
    'drop',
    'reject',
    'jump',
    'goto',
    'return',
    'continue',
    'queue',
]);
function tableKey(w) {
    return w.length >= 2 && FAMILIES.has(w[0]) ? `${w[0]} ${w[1]}` : `ip ${w[0] ?? ''}`;
}
function hookOf(body) {
    for (const s of body) {
        const w = words(s.items);
        const i = w.indexOf('hook');
        if (w[0] === 'type' && i >= 0)
            return w[i + 1];
    }
    return undefined;
}
function stringAfter(items, index) {
    const next = items[index + 1];
    return next && next.kind !== 'group' && next.kind !== 'comma' ? next.text : undefined;
}
/** The address family of a set type; for a concatenation (`ipv4_addr . inet_service`), of its first part. */
function familyOfType(type) {
    const first = type?.split('.')[0]?.trim();
    if (first === 'ipv4_addr')
        return 4;
    if (first === 'ipv6_addr')
        return 6;
    return undefined;
}
function isSetValue(item) {
    return (item.kind === 'group' ||
        (item.kind === 'word' && (item.text.startsWith('@') || item.text.startsWith('$'))));
}
/** What a rule's protocol and port matches allow; a rule without them allows every port. */
function nftables_portSpec(protocols, tcp, udp, any) {
    if (tcp === undefined && udp === undefined && any === undefined) {
        if (!protocols)
            return { tcp: PortSet.ANY, udp: PortSet.ANY };
        return {
            tcp: protocols.includes('tcp') ? PortSet.ANY : PortSet.EMPTY,
            udp: protocols.includes('udp') ? PortSet.ANY : PortSet.EMPTY,
        };
    }
    const both = any ?? PortSet.EMPTY;
    const tcpAllowed = !protocols || protocols.includes('tcp');
    const udpAllowed = !protocols || protocols.includes('udp');
    return {
        tcp: (tcp ?? PortSet.EMPTY).union(tcpAllowed ? both : PortSet.EMPTY),
        udp: (udp ?? PortSet.EMPTY).union(udpAllowed ? both : PortSet.EMPTY),
    };
}
function unionSpec(a, b) {
    return { tcp: a.tcp.union(b.tcp), udp: a.udp.union(b.udp) };
}
// ---------------------------------------------------------------------------------------------
// The format
function parseNftables(file) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: 'nftables', entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const text = withoutBom(file.text);
    const positions = new TextPositions(text);
    const sink = { list: problems, at: (o) => ({ file: file.path, ...positions.at(o) }) };
    const comments = new LineComments();
    const tokens = tokenize(text, positions, comments, sink);
    const stmts = new StructureReader(tokens, sink).block(undefined);
    const ruleset = new Ruleset(text, file.path, positions, comments, sink);
    ruleset.top(stmts);
    const byLocation = (a, b) => a.location.line - b.location.line || a.location.column - b.location.column;
    append(entries, ruleset.entries.sort(byLocation));
    problems.sort(byLocation);
    return result;
}
const nftables_SAMPLE_CHARS = 64 * 1024;
const CONTENT = /^\s*(?:table\s+(?:(?:ip6?|inet|arp|bridge|netdev)\s+)?[\w.-]+\s*\{|#!\s*\/\S*\bnft\b|(?:add|flush)\s+(?:table|rule|element|ruleset)\b)/m;
function detectNftables(file) {
    const path = file.path.toLowerCase();
    const head = file.text.slice(0, nftables_SAMPLE_CHARS);
    const looks = CONTENT.test(head);
    if (path.endsWith('.nft') || path.endsWith('.nftables'))
        return looks ? 10 : 5;
    if (looks && /(?:^|\/)[^/]*nft[^/]*$|\.conf$|\.rules$/.test(path))
        return 8;
    return 0;
}
/**
 * nftables rulesets (`nft -f` input and `nft list ruleset` output). Entries are the addresses
 * that accepting rules match by destination (`ip daddr`, `ip6 daddr`: literals, `{ }` sets,
 * `@named` sets, `$variables`), with the rule's `tcp dport` / `udp dport` / `th dport` ports.
 * Rules that accept by source address only (`saddr`) are read too, with a notice per chain.
 * A named set or `define` of addresses that no rule in the file uses is read as it stands
 * (it may serve a ruleset that includes this file). Rules without an address are not entries.
 *
 * Settings: none.
 */
const NFTABLES = {
    id: 'nftables',
    title: 'nftables ruleset',
    filePatterns: ['*.nft', '*.nftables', 'nftables.conf'],
    capabilities: PACKET_FILTER_CAPABILITIES,
    detect: detectNftables,
    parse: parseNftables,
};

;// CONCATENATED MODULE: ./src/formats/allowlist/pac.ts








class Scope {
    parent;
    vars = new Map();
    constructor(parent) {
        this.parent = parent;
    }
    lookup(name) {
        return this.vars.get(name) ?? this.parent?.lookup(name);
    }
}
const pac_MAX_DEPTH = 12;
/** Concatenating two arrays multiplies them; no real PAC needs more. */
const MAX_VALUES = 100_000;
const PROXY_KEYWORDS = /^(?:PROXY|HTTPS?|SOCKS[45]?|QUIC)\s/i;
function classifyReturn(text) {
    const first = (text.split(';')[0] ?? '').trim();
    if (/^DIRECT$/i.test(first))
        return 'direct';
    if (PROXY_KEYWORDS.test(first))
        return 'proxy';
    return undefined;
}
/** Reads the script: every host test with the return it leads to. */
class Analyzer {
    tests = [];
    /** Variables FindProxyForURL returns (`return result`), whose assignments choose the route. */
    returned = new Set();
    unreadable = [];
    #source;
    #seen = new Set();
    /** Breaks ties in evaluation order between tests of one condition (left to right). */
    #seq = 0;
    constructor(source) {
        this.#source = source;
    }
    // -------------------------------------------------------------------------------------------
    // Declarations
    /** Declares the `var`/`let`/`const` names and functions of a body, as JavaScript hoists them. */
    hoist(body, scope) {
        const assigned = [];
        const visit = (node) => {
            switch (node.type) {
                case 'FunctionDeclaration':
                    if (node.id)
                        scope.vars.set(node.id.name, { kind: 'function', fn: node, scope });
                    return;
                case 'FunctionExpression':
                case 'ArrowFunctionExpression':
                    return;
                case 'VariableDeclarator':
                    if (node.id.type === 'Identifier') {
                        const init = node.init;
                        scope.vars.set(node.id.name, !init
                            ? { kind: 'unknown' }
                            : init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression'
                                ? { kind: 'function', fn: init, scope }
                                : { kind: 'expr', expr: init, scope });
                    }
                    if (node.init)
                        visit(node.init);
                    return;
                case 'AssignmentExpression':
                    if (node.left.type === 'Identifier')
                        assigned.push({ name: node.left.name, value: node.right });
                    visit(node.right);
                    return;
                default:
                    for (const child of children(node))
                        visit(child);
            }
        };
        for (const node of body)
            visit(node);
        // A variable given another value somewhere holds no one value the analysis could rely on,
        // except the host given a cleaned-up copy of itself (`host = host.toLowerCase()`).
        const changed = assigned.filter(({ name, value }) => {
            const b = scope.vars.get(name);
            return (b && !((b.kind === 'host' || b.kind === 'url') && this.kindOf(value, scope) === b.kind));
        });
        for (const { name } of changed)
            scope.vars.set(name, { kind: 'unknown' });
    }
    // -------------------------------------------------------------------------------------------
    // Values
    /** What an expression stands for: the host, the URL, the host's address, or none of these. */
    kindOf(expr, scope, depth = 0) {
        if (depth > pac_MAX_DEPTH)
            return undefined;
        if (expr.type === 'Identifier') {
            const b = scope.lookup(expr.name);
            if (!b)
                return undefined;
            if (b.kind === 'host' || b.kind === 'url' || b.kind === 'resolved')
                return b.kind;
            if (b.kind === 'expr')
                return this.kindOf(b.expr, b.scope, depth + 1);
            return undefined;
        }
        if (expr.type === 'CallExpression') {
            const callee = expr.callee;
            if (callee.type === 'Identifier' && callee.name === 'dnsResolve') {
                const arg = expr.arguments[0];
                return arg && this.kindOf(arg, scope, depth + 1) === 'host' ? 'resolved' : undefined;
            }
            if (callee.type === 'MemberExpression' &&
                !callee.computed &&
                callee.property.type === 'Identifier' &&
                ['toLowerCase', 'toLocaleLowerCase', 'trim'].includes(callee.property.name)) {
                return this.kindOf(callee.object, scope, depth + 1);
            }
        }
        if (expr.type === 'ParenthesizedExpression')
            return this.kindOf(expr.expression, scope, depth);
        return undefined;
    }
    /** The strings an expression can be: a literal, a constant, an element of a looped-over array, a concatenation. */
    strings(expr, scope, depth = 0) {
        if (depth > pac_MAX_DEPTH)
            return undefined;
        switch (expr.type) {
            case 'Literal':
                return typeof expr.value === 'string'
                    ? [{ value: expr.value, written: expr.value, offset: expr.start + 1 }]
                    : undefined;
            case 'TemplateLiteral': {
                const only = expr.quasis[0];
                if (expr.expressions.length > 0 || !only || typeof only.value.cooked !== 'string')
                    return undefined;
                return [{ value: only.value.cooked, written: only.value.cooked, offset: expr.start + 1 }];
            }
            case 'Identifier': {
                const b = scope.lookup(expr.name);
                if (!b)
                    return undefined;
                if (b.kind === 'strings')
                    return b.values;
                if (b.kind === 'expr')
                    return this.strings(b.expr, b.scope, depth + 1);
                return undefined;
            }
            case 'MemberExpression': {
                if (!expr.computed || expr.object.type === 'Super')
                    return undefined;
                const all = this.elements(expr.object, scope, depth + 1);
                if (!all)
                    return undefined;
                const p = expr.property;
                if (p.type === 'Literal' && typeof p.value === 'number') {
                    const one = all[p.value];
                    return one ? [one] : undefined;
                }
                // An index that changes: the script loops over the array, so the element is any of them.
                return all;
            }
            case 'BinaryExpression': {
                if (expr.operator !== '+' || expr.left.type === 'PrivateIdentifier')
                    return undefined;
                const left = this.strings(expr.left, scope, depth + 1);
                const right = left && this.strings(expr.right, scope, depth + 1);
                if (!left || !right || left.length * right.length > MAX_VALUES)
                    return undefined;
                const out = [];
                for (const l of left) {
                    for (const r of right) {
                        // The part that names the host is where the entry is: the side that varies, else the longer.
                        const anchor = right.length > 1 && left.length === 1
                            ? r
                            : left.length > 1 && right.length === 1
                                ? l
                                : r.written.length >= l.written.length
                                    ? r
                                    : l;
                        out.push({ value: l.value + r.value, written: anchor.written, offset: anchor.offset });
                    }
                }
                return out;
            }
            case 'CallExpression': {
                const callee = expr.callee;
                if (callee.type === 'MemberExpression' &&
                    !callee.computed &&
                    callee.property.type === 'Identifier' &&
                    callee.object.type !== 'Super' &&
                    (callee.property.name === 'toLowerCase' || callee.property.name === 'toLocaleLowerCase')) {
                    const inner = this.strings(callee.object, scope, depth + 1);
                    return inner?.map((s) => ({ ...s, value: s.value.toLowerCase() }));
                }
                return undefined;
            }
            case 'ParenthesizedExpression':
                return this.strings(expr.expression, scope, depth);
            default:
                return undefined;
        }
    }
    /** The string elements of an array the script spells out (or a name bound to one). */
    elements(expr, scope, depth = 0) {
        if (depth > pac_MAX_DEPTH)
            return undefined;
        switch (expr.type) {
            case 'ArrayExpression': {
                const out = [];
                for (const el of expr.elements) {
                    if (!el || el.type === 'SpreadElement')
                        continue;
                    const values = this.strings(el, scope, depth + 1);
                    if (values)
                        append(out, values);
                }
                return out;
            }
            case 'Identifier': {
                const b = scope.lookup(expr.name);
                if (!b)
                    return undefined;
                if (b.kind === 'array')
                    return b.values;
                if (b.kind === 'expr')
                    return this.elements(b.expr, b.scope, depth + 1);
                return undefined;
            }
            case 'CallExpression': {
                const callee = expr.callee;
                if (callee.type === 'MemberExpression' &&
                    callee.object.type !== 'Super' &&
                    !callee.computed &&
                    callee.property.type === 'Identifier' &&
                    callee.property.name === 'concat') {
                    const out = [...(this.elements(callee.object, scope, depth + 1) ?? [])];
                    for (const arg of expr.arguments) {
                        if (arg.type === 'SpreadElement')
                            continue;
                        append(out, this.elements(arg, scope, depth + 1) ?? this.strings(arg, scope) ?? []);
                    }
                    return out;
                }
                return undefined;
            }
            case 'ParenthesizedExpression':
                return this.elements(expr.expression, scope, depth);
            default:
                return undefined;
        }
    }
    /** The route a returned expression names, when every value it can take names the same one. */
    outcomeOf(expr, scope) {
        const values = this.strings(expr, scope);
        const first = values?.[0];
        if (!values || !first)
            return undefined;
        const route = classifyReturn(first.value);
        if (!route || values.some((v) => classifyReturn(v.value) !== route))
            return undefined;
        return { route, text: first.value, offset: expr.start };
    }
    // -------------------------------------------------------------------------------------------
    // Statements: each returns what happens when the statement runs and no host test in it matches.
    block(body, after, ctx) {
        let out = after;
        for (let i = body.length - 1; i >= 0; i--) {
            out = this.statement(body[i], out, { ...ctx, order: [...ctx.order, i] });
        }
        return out;
    }
    statement(s, after, ctx) {
        switch (s.type) {
            case 'ReturnStatement':
                return ctx.ret(s.argument, ctx);
            case 'IfStatement': {
                const o = ctx.order;
                const then = this.statement(s.consequent, after, { ...ctx, order: [...o, 1] });
                const otherwise = s.alternate
                    ? this.statement(s.alternate, after, { ...ctx, order: [...o, 2] })
                    : after;
                this.condition(s.test, { ...ctx, order: [...o, 0] }, then, otherwise, false, s.start);
                return this.holdsByDefault(s.test, ctx) ? then : otherwise;
            }
            case 'BlockStatement':
                return this.block(s.body, after, ctx);
            case 'ForStatement':
            case 'WhileStatement':
            case 'DoWhileStatement':
            case 'ForInStatement':
                this.statement(s.body, after, { ...ctx, breakTo: after, continueTo: after });
                return after;
            case 'ForOfStatement': {
                const scope = new Scope(ctx.scope);
                const name = declaredName(s.left);
                const values = this.elements(s.right, ctx.scope);
                if (name)
                    scope.vars.set(name, values ? { kind: 'strings', values } : { kind: 'unknown' });
                this.statement(s.body, after, { ...ctx, scope, breakTo: after, continueTo: after });
                return after;
            }
            case 'SwitchStatement':
                return this.switchStatement(s, after, ctx);
            case 'BreakStatement':
                return ctx.breakTo;
            case 'ContinueStatement':
                return ctx.continueTo;
            case 'LabeledStatement':
                return this.statement(s.body, after, ctx);
            case 'TryStatement': {
                const out = this.block(s.block.body, after, ctx);
                if (s.handler)
                    this.block(s.handler.body.body, after, ctx);
                if (s.finalizer)
                    this.block(s.finalizer.body, after, ctx);
                return out;
            }
            case 'ExpressionStatement': {
                const e = s.expression;
                // `result = "DIRECT"` where the script ends with `return result`: as good as a return.
                if (e.type === 'AssignmentExpression' &&
                    e.operator === '=' &&
                    e.left.type === 'Identifier' &&
                    this.returned.has(e.left.name)) {
                    return this.outcomeOf(e.right, ctx.scope) ?? after;
                }
                this.expressionStatement(e, ctx);
                return after;
            }
            default:
                return after;
        }
    }
    switchStatement(s, after, ctx) {
        const onHost = this.kindOf(s.discriminant, ctx.scope) === 'host';
        const inner = { ...ctx, breakTo: after };
        let next = after;
        let fallback = after;
        for (let i = s.cases.length - 1; i >= 0; i--) {
            const c = s.cases[i];
            const out = this.block(c.consequent, next, { ...inner, order: [...ctx.order, i] });
            if (!c.test)
                fallback = out;
            else if (onHost) {
                const values = this.strings(c.test, ctx.scope);
                for (const value of values ?? [])
                    this.add(ctx, 'exact', 'case', value, out, false, s.start);
            }
            next = out;
        }
        return fallback;
    }
    /** `array.forEach(fn)`: what the callback returns goes nowhere, so its tests lead to no known route. */
    expressionStatement(e, ctx) {
        if (e.type !== 'CallExpression')
            return;
        const callee = e.callee;
        const cb = e.arguments[0];
        if (callee.type !== 'MemberExpression' ||
            callee.computed ||
            callee.object.type === 'Super' ||
            callee.property.type !== 'Identifier' ||
            callee.property.name !== 'forEach' ||
            !cb ||
            (cb.type !== 'FunctionExpression' && cb.type !== 'ArrowFunctionExpression')) {
            return;
        }
        const values = this.elements(callee.object, ctx.scope);
        const unknown = () => undefined;
        this.callback(cb, values, ctx, unknown, undefined);
    }
    /** Reads a callback with its first parameter bound to each element of an array. */
    callback(fn, values, ctx, ret, fallthrough) {
        if (ctx.depth > pac_MAX_DEPTH)
            return;
        const scope = new Scope(ctx.scope);
        const name = fn.params[0] && declaredName(fn.params[0]);
        if (name)
            scope.vars.set(name, values ? { kind: 'strings', values } : { kind: 'unknown' });
        const inner = {
            ...ctx,
            scope,
            ret,
            depth: ctx.depth + 1,
            order: [...ctx.order, this.#seq++],
        };
        if (fn.body.type === 'BlockStatement') {
            this.hoist(fn.body.body, scope);
            this.block(fn.body.body, fallthrough, inner);
        }
        else {
            ret(fn.body, inner);
        }
    }
    // -------------------------------------------------------------------------------------------
    // Conditions
    /** Registers the host tests of a condition: a test that holds leads to `yes`, one negated to `no`. */
    condition(e, ctx, yes, no, conditional, anchor) {
        if (ctx.depth > pac_MAX_DEPTH)
            return;
        switch (e.type) {
            case 'LogicalExpression':
                this.condition(e.left, ctx, yes, no, conditional || e.operator === '&&', anchor);
                this.condition(e.right, ctx, yes, no, conditional || e.operator === '&&', anchor);
                return;
            case 'UnaryExpression':
                if (e.operator === '!')
                    this.condition(e.argument, ctx, no, yes, conditional, anchor);
                return;
            case 'ParenthesizedExpression':
                this.condition(e.expression, ctx, yes, no, conditional, anchor);
                return;
            case 'SequenceExpression': {
                const last = e.expressions[e.expressions.length - 1];
                if (last)
                    this.condition(last, ctx, yes, no, conditional, anchor);
                return;
            }
            case 'Identifier': {
                // `var isM365 = dnsDomainIs(host, ...) || ...; if (isM365) ...`
                const b = ctx.scope.lookup(e.name);
                if (b?.kind === 'expr') {
                    const inner = { ...ctx, scope: b.scope, depth: ctx.depth + 1 };
                    this.condition(b.expr, inner, yes, no, conditional, anchor);
                }
                return;
            }
            case 'BinaryExpression':
                this.comparison(e, ctx, yes, no, conditional, anchor);
                return;
            case 'CallExpression':
                this.call(e, ctx, yes, no, conditional, anchor);
                return;
            default:
                return;
        }
    }
    /**
     * Whether a condition holds for a host that no test matches: the path the script takes for
     * every other name. Tests are false there, so `!dnsDomainIs(...)` is true; anything else the
     * analysis cannot see (`isPlainHostName(host)`) is taken as false.
     */
    holdsByDefault(e, ctx, depth = 0) {
        if (depth > pac_MAX_DEPTH)
            return false;
        switch (e.type) {
            case 'LogicalExpression': {
                const left = this.holdsByDefault(e.left, ctx, depth + 1);
                const right = this.holdsByDefault(e.right, ctx, depth + 1);
                return e.operator === '&&' ? left && right : left || right;
            }
            case 'UnaryExpression':
                return e.operator === '!' && !this.holdsByDefault(e.argument, ctx, depth + 1);
            case 'ParenthesizedExpression':
                return this.holdsByDefault(e.expression, ctx, depth + 1);
            case 'Literal':
                return Boolean(e.value);
            case 'BinaryExpression':
                // `host != "x"` holds for every other name.
                return ((e.operator === '!=' || e.operator === '!==') &&
                    e.left.type !== 'PrivateIdentifier' &&
                    (this.kindOf(e.left, ctx.scope) === 'host' || this.kindOf(e.right, ctx.scope) === 'host'));
            default:
                return false;
        }
    }
    comparison(e, ctx, yes, no, conditional, anchor) {
        if (e.left.type === 'PrivateIdentifier')
            return;
        const equal = e.operator === '==' || e.operator === '===';
        const unequal = e.operator === '!=' || e.operator === '!==';
        if (equal || unequal) {
            const [hostSide, other] = this.kindOf(e.left, ctx.scope) === 'host'
                ? [e.left, e.right]
                : this.kindOf(e.right, ctx.scope) === 'host'
                    ? [e.right, e.left]
                    : [undefined, undefined];
            if (hostSide && other) {
                const values = this.strings(other, ctx.scope);
                const outcome = equal ? yes : no;
                if (!values)
                    this.cannotRead(other, '==', outcome);
                for (const v of values ?? [])
                    this.add(ctx, 'exact', '==', v, outcome, conditional, anchor);
                return;
            }
        }
        // `list.indexOf(host) != -1`, `list.indexOf(host) >= 0`, `list.indexOf(host) == -1`
        const call = e.left.type === 'CallExpression' ? e.left : undefined;
        const callee = call?.callee;
        if (!call ||
            callee?.type !== 'MemberExpression' ||
            callee.computed ||
            callee.object.type === 'Super' ||
            callee.property.type !== 'Identifier' ||
            callee.property.name !== 'indexOf') {
            return;
        }
        const arg = call.arguments[0];
        if (!arg || arg.type === 'SpreadElement' || this.kindOf(arg, ctx.scope) !== 'host')
            return;
        const n = pac_numberOf(e.right);
        if (n === undefined)
            return;
        const op = e.operator;
        const found = ((op === '!=' || op === '!==') && n === -1) ||
            (op === '>=' && n === 0) ||
            (op === '>' && n === -1);
        const missing = ((op === '==' || op === '===') && n === -1) || (op === '<' && n === 0);
        if (!found && !missing)
            return;
        const values = this.elements(callee.object, ctx.scope) ?? [];
        for (const v of values)
            this.add(ctx, 'exact', 'indexOf', v, found ? yes : no, conditional, anchor);
    }
    call(e, ctx, yes, no, conditional, anchor) {
        const callee = e.callee;
        const args = e.arguments.map((a) => (a.type === 'SpreadElement' ? undefined : a));
        const scope = ctx.scope;
        if (callee.type === 'Identifier') {
            const [a, b, c] = args;
            const name = callee.name;
            const subject = a && this.kindOf(a, scope);
            const strings = (arg, via) => {
                if (!arg)
                    return [];
                const values = this.strings(arg, scope);
                if (!values)
                    this.cannotRead(arg, via, yes);
                return values ?? [];
            };
            switch (name) {
                case 'shExpMatch':
                    if (subject === 'host' || subject === 'url') {
                        for (const v of strings(b, name)) {
                            this.add(ctx, 'glob', name, v, yes, conditional, anchor, subject === 'url');
                        }
                    }
                    return;
                case 'dnsDomainIs':
                    if (subject === 'host') {
                        for (const v of strings(b, name))
                            this.add(ctx, 'suffix', name, v, yes, conditional, anchor);
                    }
                    return;
                case 'localHostOrDomainIs':
                    if (subject === 'host') {
                        for (const v of strings(b, name))
                            this.add(ctx, 'exact', name, v, yes, conditional, anchor);
                    }
                    return;
                case 'isInNet':
                case 'isInNetEx':
                    if (subject === 'host' || subject === 'resolved') {
                        const nets = strings(b, name);
                        const masks = name === 'isInNet' ? strings(c, name) : [];
                        for (const v of nets) {
                            if (name === 'isInNetEx')
                                this.add(ctx, 'cidr', name, v, yes, conditional, anchor);
                            else
                                for (const m of masks)
                                    this.add(ctx, 'net', name, v, yes, conditional, anchor, false, m);
                        }
                    }
                    return;
                default: {
                    const b0 = scope.lookup(name);
                    if (b0?.kind === 'function')
                        this.inline(b0.fn, b0.scope, args, ctx, yes, no, conditional);
                    return;
                }
            }
        }
        if (callee.type !== 'MemberExpression' ||
            callee.computed ||
            callee.object.type === 'Super' ||
            callee.property.type !== 'Identifier') {
            return;
        }
        const method = callee.property.name;
        const target = callee.object;
        const [arg] = args;
        if ((method === 'some' || method === 'find') && arg) {
            // `list.some(d => dnsDomainIs(host, d))`: the callback's result is the condition.
            if (arg.type !== 'FunctionExpression' && arg.type !== 'ArrowFunctionExpression')
                return;
            const values = this.elements(target, scope);
            const ret = this.predicate(yes, no, conditional, anchor);
            this.callback(arg, values, ctx, ret, no);
            return;
        }
        if (method === 'includes' && arg && this.kindOf(arg, scope) === 'host') {
            for (const v of this.elements(target, scope) ?? []) {
                this.add(ctx, 'exact', 'includes', v, yes, conditional, anchor);
            }
            return;
        }
        if (method === 'endsWith' && arg && this.kindOf(target, scope) === 'host') {
            for (const v of this.strings(arg, scope) ?? []) {
                this.add(ctx, 'suffix', 'endsWith', v, yes, conditional, anchor);
            }
            return;
        }
        if (method === 'test' && target.type === 'Literal' && target.regex && arg) {
            const kind = this.kindOf(arg, scope);
            if (kind === 'host' || kind === 'url') {
                const value = {
                    value: target.regex.pattern,
                    written: target.regex.pattern,
                    offset: target.start + 1,
                };
                this.add(ctx, 'regex', 'a regular expression', value, yes, conditional, anchor);
            }
        }
    }
    /** How `return` reads inside a helper used as a condition: true leads to `yes`, false to `no`. */
    predicate(yes, no, conditional, anchor) {
        return (arg, ctx) => {
            if (!arg)
                return no;
            if (arg.type === 'Literal' && typeof arg.value === 'boolean')
                return arg.value ? yes : no;
            this.condition(arg, ctx, yes, no, conditional, anchor);
            return no;
        };
    }
    /** A helper function called in a condition, read with its parameters bound to the call's arguments. */
    inline(fn, defined, args, ctx, yes, no, conditional) {
        if (ctx.depth > pac_MAX_DEPTH || ctx.inlining.has(fn))
            return;
        const scope = new Scope(defined);
        fn.params.forEach((param, i) => {
            const name = declaredName(param);
            const arg = args[i];
            if (!name)
                return;
            const kind = arg && this.kindOf(arg, ctx.scope);
            const values = arg && !kind ? this.strings(arg, ctx.scope) : undefined;
            const array = arg && !kind && !values ? this.elements(arg, ctx.scope) : undefined;
            scope.vars.set(name, kind
                ? { kind }
                : values
                    ? { kind: 'strings', values }
                    : array
                        ? { kind: 'array', values: array }
                        : { kind: 'unknown' });
        });
        const inner = {
            scope,
            breakTo: undefined,
            continueTo: undefined,
            ret: this.predicate(yes, no, conditional, fn.start),
            depth: ctx.depth + 1,
            inlining: new Set([...ctx.inlining, fn]),
            order: [...ctx.order, this.#seq++],
        };
        if (fn.body.type === 'BlockStatement') {
            this.hoist(fn.body.body, scope);
            this.block(fn.body.body, no, inner);
        }
        else {
            inner.ret(fn.body, inner);
        }
    }
    add(ctx, kind, via, value, outcome, conditional, anchor, url = false, mask) {
        // A helper called from two places registers its tests twice; one is enough per outcome.
        const id = `${value.offset}|${kind}|${value.value}|${mask?.value ?? ''}|${outcome?.route ?? ''}`;
        if (this.#seen.has(id))
            return;
        this.#seen.add(id);
        const order = [...ctx.order, this.#seq++];
        this.tests.push({ kind, via, value, mask, url, outcome, conditional, anchor, order });
    }
    cannotRead(arg, via, outcome) {
        const source = this.#source.slice(arg.start, arg.end);
        this.unreadable.push({
            offset: arg.start,
            source: source.length > 60 ? `${source.slice(0, 57)}...` : source,
            via,
            outcome,
        });
    }
}
function collectReturnedNames(fn, into) {
    const visit = (node) => {
        if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression')
            return;
        if (node.type === 'ReturnStatement' && node.argument?.type === 'Identifier') {
            into.add(node.argument.name);
        }
        for (const child of children(node))
            visit(child);
    };
    if (fn.body.type === 'BlockStatement')
        for (const s of fn.body.body)
            visit(s);
}
function compareOrder(a, b) {
    for (let i = 0; i < a.length && i < b.length; i++) {
        if (a[i] !== b[i])
            return a[i] - b[i];
    }
    return a.length - b.length;
}
function declaredName(node) {
    if (node.type === 'Identifier')
        return node.name;
    if (node.type === 'VariableDeclaration') {
        const id = node.declarations[0]?.id;
        return id?.type === 'Identifier' ? id.name : undefined;
    }
    if (node.type === 'AssignmentPattern')
        return declaredName(node.left);
    return undefined;
}
function pac_numberOf(e) {
    if (e.type === 'Literal' && typeof e.value === 'number')
        return e.value;
    if (e.type === 'UnaryExpression' && e.operator === '-') {
        const n = pac_numberOf(e.argument);
        return n === undefined ? undefined : -n;
    }
    return undefined;
}
/** The child nodes of a node, in source order. */
function children(node) {
    const out = [];
    for (const key of Object.keys(node)) {
        if (key === 'loc' || key === 'range')
            continue;
        const value = node[key];
        if (Array.isArray(value)) {
            for (const v of value)
                if (isNode(v))
                    out.push(v);
        }
        else if (isNode(value))
            out.push(value);
    }
    return out;
}
function isNode(v) {
    return typeof v === 'object' && v !== null && typeof v.type === 'string';
}
/**
 * shExpMatch's `*` matches any characters, dots included, and `?` any one character. A leading
 * `*.` is exactly the model's `*.` (one or more labels); a `*` anywhere else is read as the
 * model's in-label wildcard, which never crosses a dot, so the PAC matches more than that.
 */
function fromGlob(glob) {
    const lower = glob.toLowerCase();
    const model = lower.replace(/\?/g, '*').replace(/\*+/g, '*');
    const parsed = HostPattern.parse(model);
    if (!parsed.ok)
        return `shExpMatch pattern "${glob}" cannot be compared: ${parsed.error}`;
    const rest = model.startsWith('*.') ? model.slice(2) : model;
    if (!rest.includes('*') && !lower.includes('?'))
        return { pattern: parsed.value };
    const text = parsed.value.text;
    const why = lower.includes('?')
        ? `"?" in shExpMatch matches any one character, dots included, so "${glob}" matches more names than "${text}"`
        : `"*" in shExpMatch also matches dots, so "${glob}" matches names such as "${example(lower)}" too`;
    return {
        pattern: parsed.value,
        broader: `${why}; compared as "${text}", whose "*" stays within one label`,
    };
}
/** A name the glob matches through a dot: `*login.x` → `a.login.x`, `*-files.x` → `a.b-files.x`. */
function example(glob) {
    const at = glob.indexOf('*');
    const next = glob.charAt(at + 1);
    return `${glob.slice(0, at)}${/[a-z0-9]/.test(next) ? 'a.' : 'a.b'}${glob.slice(at + 1)}`;
}
/** The host part of a URL glob: `https://*.example.com/*` → `*.example.com`. */
function hostOfUrlGlob(glob) {
    const scheme = /^[a-z*][a-z0-9+.*-]*:\/\//i.exec(glob);
    let rest = scheme ? glob.slice(scheme[0].length) : glob;
    const slash = rest.indexOf('/');
    if (slash >= 0)
        rest = rest.slice(0, slash);
    else if (!scheme)
        return undefined;
    rest = rest.replace(/^[^@]*@/, '').replace(/:(?:\d+|\*)$/, '');
    return rest === '' || (rest === '*' && !scheme) ? undefined : rest;
}
/** dnsDomainIs is a plain suffix test: `dnsDomainIs(host, "office.com")` also matches `myoffice.com`. */
function fromSuffix(suffix, call) {
    if (suffix.startsWith('.'))
        return fromGlob(`*${suffix}`);
    const parsed = HostPattern.parse(`.${suffix}`);
    if (!parsed.ok)
        return parsed.error;
    return {
        pattern: parsed.value,
        broader: `${call} also matches names that merely end in "${suffix}" (such as "my${suffix}"); compared as "${parsed.value.text}"`,
    };
}
function read(test) {
    const v = test.value.value;
    switch (test.kind) {
        case 'glob': {
            const glob = test.url ? hostOfUrlGlob(v) : v;
            if (glob === undefined) {
                return {
                    kind: 'problem',
                    message: `cannot tell the host in the URL pattern "${v}"; not compared`,
                    severity: 'notice',
                };
            }
            return hostReading(fromGlob(glob));
        }
        case 'suffix':
            return hostReading(fromSuffix(v, test.via === 'endsWith' ? `host.endsWith("${v}")` : `${test.via}(host, "${v}")`));
        case 'exact': {
            if (classifyValue(v) === 'ip')
                return ipReading(parseIpBlock(v));
            const parsed = HostPattern.parse(v);
            return parsed.ok
                ? { kind: 'host', pattern: parsed.value }
                : { kind: 'problem', message: parsed.error, severity: 'error' };
        }
        case 'cidr':
            return ipReading(parseIpBlock(v));
        case 'net': {
            const mask = test.mask;
            const len = prefixOfMask(mask.value);
            if (typeof len === 'string') {
                return { kind: 'problem', message: len, severity: 'error', offset: mask.offset };
            }
            const address = parseIpBlock(v);
            if (!address.ok)
                return ipReading(address);
            if (address.value.family !== 4 || address.value.prefixLength !== 32 || v.includes('/')) {
                return { kind: 'problem', message: `"${v}" is not an IPv4 address`, severity: 'error' };
            }
            return ipReading(parseIpBlock(`${v}/${len}`));
        }
        case 'regex':
            return {
                kind: 'problem',
                message: `"${v}" is a regular expression; regular expressions are not compared`,
                severity: 'notice',
            };
    }
}
function hostReading(r) {
    return typeof r === 'string'
        ? { kind: 'problem', message: r, severity: 'notice' }
        : { kind: 'host', pattern: r.pattern, broader: r.broader };
}
function ipReading(r) {
    return r.ok
        ? { kind: 'ip', block: r.value }
        : { kind: 'problem', message: r.error, severity: 'error' };
}
function describeRoute(route) {
    return route === 'direct' ? 'sent DIRECT' : 'sent to the proxy';
}
/** Earlier tests with the other route, looked up by the suffixes their patterns end in. */
class ShadowIndex {
    /** Patterns by every label suffix of their fixed base (the base itself included). */
    #bySuffix = new Map();
    /** Patterns by their exact base. */
    #byBase = new Map();
    #blocks = [];
    addHost(test, pattern) {
        const item = { test, pattern };
        const base = pattern.base;
        pac_push(this.#byBase, base, item);
        let s = base;
        for (;;) {
            pac_push(this.#bySuffix, s, item);
            const dot = s.indexOf('.');
            if (dot < 0 || s === '')
                break;
            s = s.slice(dot + 1);
        }
    }
    addIp(test, block) {
        this.#blocks.push({ test, block });
    }
    /** Earlier patterns whose names meet this one's: their base is a suffix of its base, or the reverse. */
    hosts(pattern) {
        const out = [...(this.#bySuffix.get(pattern.base) ?? [])];
        let s = pattern.base;
        while (s !== '') {
            const dot = s.indexOf('.');
            s = dot < 0 ? '' : s.slice(dot + 1);
            append(out, this.#byBase.get(s) ?? []);
        }
        return out.filter((c) => c.pattern.intersects(pattern));
    }
    ips(block) {
        return this.#blocks.filter((c) => c.block.overlaps(block));
    }
}
function pac_push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
// ---------------------------------------------------------------------------------------------
// Comments
/** `//` and `/* *\/` comments by line: those alone on their line, and those after code. */
function lineComments(comments, text, positions) {
    const out = new LineComments();
    for (const c of comments) {
        const start = positions.at(c.start);
        const end = positions.at(Math.max(c.start, c.end - 1));
        const before = text.slice(positions.lineStart(start.line), c.start);
        const body = c.value
            .split('\n')
            .map((l) => l.replace(/^\s*\*?\s?/, '').trim())
            .filter((l) => l !== '')
            .join('\n');
        if (before.trim() === '')
            out.add(end.line, body, true);
        else
            out.add(start.line, body, false);
    }
    return out;
}
// ---------------------------------------------------------------------------------------------
// The format
const CAPABILITIES = {
    hosts: true,
    ips: true,
    // isInNet is IPv4 only; isInNetEx is read, but it is a browser extension, not the PAC standard.
    ipv6: false,
    ports: false,
    protocols: false,
    comments: true,
};
const ENTRY_FUNCTIONS = ['FindProxyForURL', 'FindProxyForURLEx'];
function allowedRoute(options) {
    const value = options?.settings?.allow ?? 'direct';
    if (value === 'direct' || value === 'proxy')
        return value;
    return `unknown value ${JSON.stringify(value)} for the PAC setting "allow" (expected direct or proxy)`;
}
function parsePac(file, options) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: 'pac', entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const allow = allowedRoute(options);
    if (allow !== 'direct' && allow !== 'proxy') {
        problems.push({ location: { file: file.path, line: 0, column: 1 }, message: allow });
        return result;
    }
    const text = withoutBom(file.text);
    const positions = new TextPositions(text);
    const at = (offset) => ({ file: file.path, ...positions.at(offset) });
    const comments = [];
    let program;
    try {
        program = (0,acorn/* parse */.qg)(text, {
            ecmaVersion: 'latest',
            sourceType: 'script',
            allowReturnOutsideFunction: true,
            allowHashBang: true,
            onComment: comments,
        });
    }
    catch (e) {
        const pos = e.pos;
        const message = e instanceof Error ? e.message.replace(/\s*\(\d+:\d+\)$/, '') : String(e);
        problems.push({
            location: at(typeof pos === 'number' ? Math.min(pos, text.length) : 0),
            message: `invalid JavaScript: ${message}`,
        });
        return result;
    }
    const analyzer = new Analyzer(text);
    const top = new Scope();
    analyzer.hoist(program.body, top);
    const main = ENTRY_FUNCTIONS.map((name) => top.lookup(name)).find((b) => b?.kind === 'function');
    if (main?.kind !== 'function') {
        problems.push({
            location: { file: file.path, line: 0, column: 1 },
            message: `"${file.path}" has no FindProxyForURL function`,
        });
        return result;
    }
    const fn = main.fn;
    const scope = new Scope(main.scope);
    collectReturnedNames(fn, analyzer.returned);
    const [urlParam, hostParam] = fn.params.map((p) => declaredName(p));
    scope.vars.set(urlParam ?? 'url', { kind: 'url' });
    scope.vars.set(hostParam ?? 'host', { kind: 'host' });
    const ctx = {
        scope,
        breakTo: undefined,
        continueTo: undefined,
        ret: (arg, c) => {
            if (!arg)
                return undefined;
            if (arg.type === 'ConditionalExpression') {
                const yes = analyzer.outcomeOf(arg.consequent, c.scope);
                const no = analyzer.outcomeOf(arg.alternate, c.scope);
                analyzer.condition(arg.test, c, yes, no, false, arg.start);
                return analyzer.holdsByDefault(arg.test, c) ? yes : no;
            }
            return analyzer.outcomeOf(arg, c.scope);
        },
        depth: 0,
        inlining: new Set([fn]),
        order: [],
    };
    try {
        if (fn.body.type === 'BlockStatement') {
            analyzer.hoist(fn.body.body, scope);
            analyzer.block(fn.body.body, undefined, ctx);
        }
        else {
            ctx.ret(fn.body, ctx);
        }
    }
    catch (e) {
        // Expressions nested thousands deep (which the parser accepts) exhaust the stack here.
        if (!(e instanceof RangeError))
            throw e;
        problems.push({
            location: { file: file.path, line: 0, column: 1 },
            message: `"${file.path}" is nested too deeply to be read`,
        });
        return result;
    }
    const notes = lineComments(comments, text, positions);
    collect(analyzer, allow, notes, at, entries, problems);
    const byLocation = (a, b) => a.location.line - b.location.line || a.location.column - b.location.column;
    entries.sort(byLocation);
    problems.sort(byLocation);
    return result;
}
function collect(analyzer, allow, notes, at, entries, problems) {
    const counts = (o) => o === undefined || o.route === allow;
    for (const u of analyzer.unreadable) {
        if (!counts(u.outcome))
            continue;
        problems.push({
            location: at(u.offset),
            message: `the ${u.via} argument "${u.source}" is not a string the file spells out; not compared`,
            text: u.source,
            severity: 'notice',
        });
    }
    // In the order the script runs them, so that an earlier test can hide a later one.
    const tests = [...analyzer.tests].sort((a, b) => compareOrder(a.order, b.order));
    const shadows = new ShadowIndex();
    const lineOf = (offset) => at(offset).line;
    for (const test of tests) {
        const reading = read(test);
        const location = at(test.value.offset);
        const written = test.value.written;
        const outcome = test.outcome;
        if (outcome && outcome.route !== allow) {
            // Not an entry, but it may hide later tests from the route that counts.
            if (test.conditional)
                continue;
            if (reading.kind === 'host')
                shadows.addHost(test, reading.pattern);
            else if (reading.kind === 'ip')
                shadows.addIp(test, reading.block);
            continue;
        }
        if (reading.kind === 'problem') {
            const loc = reading.offset === undefined ? location : at(reading.offset);
            problems.push({
                location: loc,
                message: reading.message,
                text: written,
                severity: reading.severity,
            });
            continue;
        }
        if (!outcome) {
            problems.push({
                location,
                message: `cannot tell what FindProxyForURL returns when "${test.value.value}" matches; not compared`,
                text: written,
                severity: 'notice',
            });
            continue;
        }
        const earlier = reading.kind === 'host'
            ? shadows
                .hosts(reading.pattern)
                .map((c) => ({ test: c.test, full: c.pattern.covers(reading.pattern) }))
            : shadows
                .ips(reading.block)
                .map((c) => ({ test: c.test, full: c.block.contains(reading.block) }));
        const other = allow === 'direct' ? 'the proxy' : 'DIRECT';
        const full = earlier.find((c) => c.full);
        if (full) {
            problems.push({
                location,
                message: `"${test.value.value}" is never ${describeRoute(allow)}: "${full.test.value.value}" (line ${lineOf(full.test.value.offset)}) sends it to ${other} first`,
                text: written,
                severity: 'notice',
            });
            continue;
        }
        if (earlier.length > 0) {
            const named = earlier
                .slice(0, 3)
                .map((c) => `"${c.test.value.value}" (line ${lineOf(c.test.value.offset)})`);
            if (earlier.length > 3)
                named.push(`${earlier.length - 3} more`);
            const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0];
            problems.push({
                location,
                message: `"${test.value.value}" is ${describeRoute(allow)} except for names that ${list} ${earlier.length === 1 ? 'sends' : 'send'} to ${other} first`,
                text: written,
                severity: 'notice',
            });
        }
        if (reading.kind === 'host' && reading.broader) {
            problems.push({ location, message: reading.broader, text: written, severity: 'notice' });
        }
        const own = notes.at(location.line) ?? notes.at(lineOf(test.anchor));
        const how = `FindProxyForURL returns "${outcome.text}" for it (line ${lineOf(outcome.offset)})${test.conditional ? ' when the rest of its condition holds' : ''}`;
        const comment = own ? `${own}\n${how}` : how;
        if (reading.kind === 'host') {
            entries.push({ kind: 'host', text: written, location, pattern: reading.pattern, comment });
        }
        else {
            const shown = test.kind === 'net' ? `${written} ${test.mask.value}` : written;
            entries.push({ kind: 'ip', text: shown, location, block: reading.block, comment });
        }
    }
}
const pac_SAMPLE_CHARS = 64 * 1024;
function detectPac(file) {
    const path = file.path.toLowerCase();
    const head = file.text.slice(0, pac_SAMPLE_CHARS);
    const hasEntry = /\bFindProxyForURL(?:Ex)?\s*[(=]/.test(head) || /function\s+FindProxyForURL/.test(head);
    if (path.endsWith('.pac') || /(?:^|\/)wpad\.dat$/.test(path))
        return hasEntry ? 10 : 5;
    if (hasEntry && /\.(?:js|dat|txt)$/.test(path))
        return 8;
    return 0;
}
/**
 * Proxy auto-config (PAC) and WPAD files. Hosts and networks come from the conditions of
 * `FindProxyForURL`; only those the script sends DIRECT count as allowed, unless settings say
 * otherwise. Each entry's comment says which return it leads to.
 *
 * Settings: `allow: direct | proxy` (default `direct`): which result of the script the allowlist
 * is, the hosts sent DIRECT (a proxy bypass list) or those sent to the proxy.
 */
const PAC = {
    id: 'pac',
    title: 'PAC / WPAD file',
    filePatterns: ['*.pac', 'wpad.dat'],
    capabilities: CAPABILITIES,
    detect: detectPac,
    parse: parsePac,
};

;// CONCATENATED MODULE: ./src/formats/allowlist/plain.ts




/** File types that other formats own; a plain list never claims them. */
// prettier-ignore
const FOREIGN_EXTENSIONS = new Set([
    'yml', 'yaml', 'json', 'js', 'mjs', 'cjs', 'ts', 'tf', 'tfvars', 'hcl', 'bicep', 'pac', 'csv',
    'tsv', 'xml', 'html', 'htm', 'md', 'nft', 'zone', 'ps1', 'py', 'sh',
]);
/** How much of a file detection reads: enough to see its habits, cheap on huge files. */
const plain_SAMPLE_CHARS = 64 * 1024;
function sample(text) {
    let carets = false;
    let bareTrailingText = false;
    let partialLabelWildcard = false;
    const scan = new LineScanner(text.slice(0, plain_SAMPLE_CHARS), 'marker');
    while (scan.next()) {
        if (scan.kind !== 'value')
            continue;
        const value = scan.value;
        if (value.includes('^'))
            carets = true;
        if (scan.extra !== undefined && classifyValue(value) === 'ip')
            bareTrailingText = true;
        if (/[^.]\*|\*[^.]/.test(value))
            partialLabelWildcard = true;
    }
    return { carets, bareTrailingText, partialLabelWildcard };
}
function extensionOf(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
function matchesPatterns(path, patterns) {
    const lower = path.toLowerCase();
    return patterns.some((p) => lower.endsWith(p.replace(/^\*/, '')));
}
/** 2 for a list extension, 1 for an unknown or missing one, 0 for files other formats own. */
function listScore(file, patterns) {
    if (FOREIGN_EXTENSIONS.has(extensionOf(file.path)))
        return 0;
    return matchesPatterns(file.path, patterns) ? 2 : 1;
}
function detector(convention) {
    return (file) => {
        const base = listScore(file, convention.filePatterns);
        if (base === 0)
            return 0;
        const path = file.path.toLowerCase();
        if (convention.pathHints.some((hint) => path.includes(hint)))
            return 4;
        if (convention.contentHint?.(sample(file.text)))
            return 3;
        return convention.pathHints.length === 0 && !convention.contentHint ? base : 0;
    };
}
function parseList(file, convention) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: convention.id, entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const scan = new LineScanner(file.text, convention.trailing);
    let above = [];
    while (scan.next()) {
        if (scan.kind === 'blank') {
            if (above.length > 0)
                above = [];
            continue;
        }
        if (scan.kind === 'comment') {
            if (isMeaningfulComment(scan.comment))
                above.push(scan.comment);
            continue;
        }
        const comment = scan.comment || (above.length > 0 ? above.join('\n') : undefined);
        if (above.length > 0)
            above = [];
        if (scan.extra !== undefined) {
            const location = { file: file.path, line: scan.line, column: scan.extraColumn };
            plain_report(problems, location, scan.extra, `unexpected text after the entry: "${scan.extra}"`);
            continue;
        }
        const location = { file: file.path, line: scan.line, column: scan.column };
        plain_readValue(scan.value, location, convention, comment, entries, problems);
    }
    if (convention.singleKind)
        warnMixedKinds(entries, convention, problems);
    return result;
}
function plain_report(problems, location, text, message, severity) {
    problems.push(severity ? { location, message, text, severity } : { location, message, text });
}
/** Reads one value. Runs once per entry of million-line files: no closures, no throwaway objects. */
function plain_readValue(text, location, convention, comment, entries, problems) {
    if (classifyValue(text) === 'ip') {
        if (convention.refuseIps) {
            plain_report(problems, location, text, `"${text}" is an IP address; ${convention.refuseIps}`);
            return;
        }
        const block = parseIpBlock(text);
        if (!block.ok)
            plain_report(problems, location, text, block.error);
        else
            entries.push({ kind: 'ip', text, location, block: block.value, comment });
        return;
    }
    if (convention.refuseWildcards && text.includes('*')) {
        plain_report(problems, location, text, `"${text}" has a "*" wildcard, ${convention.refuseWildcards}`);
        return;
    }
    let host = text;
    if (convention.urls) {
        const url = splitPath(text);
        host = url.host;
        if (url.path !== undefined && url.path !== '/' && url.path !== '/*') {
            plain_report(problems, location, text, `the path of "${text}" is not compared, only its host`, 'notice');
        }
        const read = fromCarets(host);
        if (host.startsWith('^.')) {
            const message = `"^" matches exactly one label; "${host}" is compared as the broader "${read}"`;
            plain_report(problems, location, text, message, 'notice');
        }
        host = read;
    }
    const pattern = HostPattern.parse(host, { bareMeansSubtree: convention.bareMeansSubtree });
    if (!pattern.ok)
        plain_report(problems, location, text, pattern.error);
    else
        entries.push({ kind: 'host', text, location, pattern: pattern.value, comment });
}
/**
 * Palo Alto's `^` token matches exactly one label and `*` one or more; a `^` glued to a name is
 * the older "this name only" form. The model's one-label wildcard exists only inside a name, so
 * a leading `^.` is read as `*.` (with a notice, since that is broader).
 */
function fromCarets(host) {
    if (!host.includes('^'))
        return host;
    if (host.startsWith('^') && host.charCodeAt(1) !== 46 /* . */)
        return host.slice(1);
    return host.replace(/(^|\.)\^(?=\.|$)/g, '$1*');
}
function warnMixedKinds(entries, convention, problems) {
    const first = entries[0];
    const odd = first && entries.find((e) => e.kind !== first.kind);
    if (!first || !odd)
        return;
    const name = (e) => (e.kind === 'ip' ? 'an IP address' : 'a domain');
    const names = (e) => (e.kind === 'ip' ? 'IP addresses' : 'domains');
    problems.push({
        location: odd.location,
        message: `"${odd.text}" is ${name(odd)} in a list of ${names(first)}; a ${convention.title} holds one type of entry`,
        text: odd.text,
        severity: 'warning',
    });
}
function listFormat(convention) {
    return {
        id: convention.id,
        title: convention.title,
        filePatterns: convention.filePatterns,
        capabilities: convention.capabilities,
        detect: detector(convention),
        parse: (file) => parseList(file, convention),
    };
}
/** Generic list: a bare name is that exact host; `*.` and a leading dot widen it. */
const PLAIN = listFormat({
    id: 'plain',
    title: 'plain list',
    filePatterns: ['*.txt', '*.lst', '*.list'],
    capabilities: LIST_CAPABILITIES,
    trailing: 'marker',
    bareMeansSubtree: false,
    urls: false,
    singleKind: false,
    pathHints: [],
});
/**
 * Palo Alto external dynamic list (IP, domain or URL list). Anything after the whitespace that
 * ends an entry is a comment; URL entries may carry a path and `^` tokens.
 */
const PAN_EDL = listFormat({
    id: 'pan-edl',
    title: 'Palo Alto EDL',
    filePatterns: ['*.txt', '*.edl'],
    capabilities: LIST_CAPABILITIES,
    trailing: 'any',
    bareMeansSubtree: false,
    urls: true,
    singleKind: true,
    pathHints: ['paloalto', 'palo-alto', 'pan-os', 'panos', 'pan-edl'],
    contentHint: (s) => s.carets || s.bareTrailingText,
});
/** FortiGate threat feed / external resource (IP address or domain name list, `*` wildcards). */
const FORTIGATE = listFormat({
    id: 'fortigate',
    title: 'FortiGate threat feed',
    filePatterns: ['*.txt'],
    capabilities: LIST_CAPABILITIES,
    trailing: 'marker',
    bareMeansSubtree: false,
    urls: false,
    singleKind: true,
    pathHints: ['fortigate', 'fortinet', 'fortios', 'threat-feed', 'threatfeed'],
    contentHint: (s) => s.partialLabelWildcard,
});
/** pfSense pfBlockerNG DNSBL whitelist: a bare domain covers the domain and its subdomains. */
const PFBLOCKERNG = listFormat({
    id: 'pfblockerng',
    title: 'pfBlockerNG DNSBL whitelist',
    filePatterns: ['*.txt'],
    capabilities: { ...LIST_CAPABILITIES, ips: false, ipv6: false, subdomainsOnly: false },
    trailing: 'marker',
    bareMeansSubtree: true,
    refuseIps: 'a DNSBL whitelist takes domain names only',
    refuseWildcards: 'which a DNSBL whitelist does not read; ".example.com" or "example.com" covers the domain and its subdomains',
    urls: false,
    singleKind: false,
    pathHints: ['pfblocker', 'dnsbl', 'pfsense'],
});

;// CONCATENATED MODULE: ./src/formats/allowlist/squid.ts






function readDirectives(text) {
    const out = [];
    const lines = text.split('\n');
    let above = [];
    let tokens = [];
    let first = 0;
    let comment;
    for (let index = 0; index < lines.length; index++) {
        const raw = lines[index].replace(/\r$/, '');
        const lineNo = index + 1;
        const continuing = tokens.length > 0;
        const trimmed = raw.trim();
        if (!continuing) {
            if (trimmed === '') {
                above = [];
                continue;
            }
            if (trimmed.startsWith('#')) {
                const body = trimmed.slice(1).trim();
                if (isMeaningfulComment(body))
                    above.push(body);
                continue;
            }
            first = lineNo;
            comment = above.length > 0 ? above.join('\n') : undefined;
            above = [];
        }
        let body = raw;
        const more = /\\\s*$/.test(body);
        if (more)
            body = body.replace(/\\\s*$/, '');
        append(tokens, tokenizeLine(body, lineNo));
        if (!more || index === lines.length - 1) {
            if (tokens.length > 0)
                out.push({ tokens, line: first, comment });
            tokens = [];
        }
    }
    return out;
}
function tokenizeLine(line, lineNo) {
    const out = [];
    const re = /"([^"]*)"?|(\S+)/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
        if (m[2] !== undefined)
            out.push({ text: m[2], line: lineNo, column: m.index + 1, quoted: false });
        else
            out.push({ text: m[1], line: lineNo, column: m.index + 2, quoted: true });
    }
    return out;
}
const HOST_TYPES = new Set(['dstdomain', 'ssl::server_name']);
const REGEX_TYPES = new Set(['dstdom_regex', 'ssl::server_name_regex', 'url_regex']);
const READ_TYPES = new Set([...HOST_TYPES, ...REGEX_TYPES, 'dst']);
function settingsAcls(options) {
    const value = options?.settings?.acls;
    if (value === undefined)
        return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value;
    return `the Squid setting "acls" must be a list of ACL names, not ${JSON.stringify(value)}`;
}
function parseSquid(file, options) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: 'squid', entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const named = settingsAcls(options);
    if (typeof named === 'string') {
        problems.push({ location: { file: file.path, line: 0, column: 1 }, message: named });
        return result;
    }
    const at = (t) => ({
        file: file.path,
        line: t.line,
        column: t.column,
    });
    const acls = new Map();
    const allowedBy = new Map();
    let hasHttpAccess = false;
    for (const d of readDirectives(withoutBom(file.text))) {
        const [directive, ...args] = d.tokens;
        const keyword = directive.text.toLowerCase();
        if (keyword === 'acl') {
            const [name, type, ...rest] = args;
            if (!name || !type) {
                problems.push({
                    location: at(directive),
                    message: `"acl" needs a name, a type and values`,
                    text: d.tokens.map((t) => t.text).join(' '),
                });
                continue;
            }
            const acl = acls.get(name.text) ?? {
                name: name.text,
                type: type.text.toLowerCase(),
                values: [],
            };
            acls.set(name.text, acl);
            if (!READ_TYPES.has(acl.type))
                continue;
            for (const token of rest) {
                // Flags (`-i`, `-n`, `+i`, `-m=...`) come before the values.
                if (!token.quoted && /^[-+]/.test(token.text) && !/^-?\d/.test(token.text.slice(1)))
                    continue;
                acl.values.push({ token, comment: d.comment });
            }
        }
        else if (keyword === 'http_access') {
            hasHttpAccess = true;
            if (args[0]?.text.toLowerCase() !== 'allow')
                continue;
            for (const t of args.slice(1)) {
                if (!t.text.startsWith('!') && !allowedBy.has(t.text))
                    allowedBy.set(t.text, d.line);
            }
        }
        else if (keyword === 'include') {
            const target = args[0];
            if (target) {
                problems.push({
                    location: at(target),
                    message: `the included file "${target.text}" is not read; its ACLs are not compared`,
                    text: target.text,
                    severity: 'notice',
                });
            }
        }
    }
    for (const acl of acls.values()) {
        if (!READ_TYPES.has(acl.type))
            continue;
        const reason = named
            ? named.includes(acl.name)
                ? 'settings'
                : undefined
            : allowedBy.has(acl.name)
                ? { line: allowedBy.get(acl.name) }
                : hasHttpAccess
                    ? undefined
                    : 'no-http-access';
        if (!reason)
            continue;
        const why = reason === 'settings'
            ? 'named in the settings'
            : reason === 'no-http-access'
                ? 'this file has no http_access line'
                : `allowed by http_access at line ${reason.line}`;
        const note = `ACL "${acl.name}" (${acl.type}), ${why}`;
        for (const { token, comment } of acl.values) {
            if (token.quoted) {
                readAclFile(token, acl, note, file, options, entries, problems);
                continue;
            }
            squid_readValue(token.text, at(token), acl.type, squid_joinComments(comment, note), entries, problems);
        }
    }
    problems.sort((a, b) => (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column);
    return result;
}
function squid_joinComments(...parts) {
    return parts.filter((p) => p !== undefined && p !== '').join('\n') || undefined;
}
function dirname(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash + 1);
}
/** Values listed in a file (`acl m365 dstdomain "/etc/squid/m365.txt"`), one or more a line, `#` comments. */
function readAclFile(token, acl, note, file, options, entries, problems) {
    const path = token.text;
    const base = path.slice(path.lastIndexOf('/') + 1);
    // The path as written (relative to the repository), next to this file, or its name next to this file.
    const candidates = [
        path,
        ...(path.startsWith('/') ? [] : [dirname(file.path) + path]),
        dirname(file.path) + base,
    ];
    let found;
    for (const candidate of candidates) {
        const text = candidate === '' ? undefined : options?.readFile?.(candidate);
        if (text !== undefined) {
            found = { path: candidate, text };
            break;
        }
    }
    if (!found) {
        problems.push({
            location: { file: file.path, line: token.line, column: token.column },
            message: `cannot read the ACL file "${path}"`,
            text: path,
        });
        return;
    }
    const notText = notTextProblem({ path: found.path, text: found.text });
    if (notText) {
        problems.push(notText);
        return;
    }
    let above = [];
    withoutBom(found.text)
        .split('\n')
        .forEach((raw, index) => {
        const line = raw.replace(/\r$/, '');
        const hash = line.search(/(?:^|\s)#/);
        const code = hash < 0 ? line : line.slice(0, hash);
        const trailing = hash < 0 ? undefined : line.slice(hash).replace(/^\s*#/, '').trim();
        if (code.trim() === '') {
            if (trailing !== undefined && isMeaningfulComment(trailing))
                above.push(trailing);
            else if (trailing === undefined)
                above = [];
            return;
        }
        const comment = squid_joinComments(trailing || (above.length > 0 ? above.join('\n') : undefined), note);
        above = [];
        for (const m of code.matchAll(/\S+/g)) {
            const location = { file: found.path, line: index + 1, column: m.index + 1 };
            squid_readValue(m[0], location, acl.type, comment, entries, problems);
        }
    });
}
function squid_readValue(text, location, type, comment, entries, problems) {
    if (REGEX_TYPES.has(type)) {
        problems.push({
            location,
            message: `"${text}" is a regular expression (${type}); regular expressions are not compared`,
            text,
            severity: 'notice',
        });
        return;
    }
    if (type === 'dst') {
        if (text.toLowerCase() === 'all') {
            for (const all of ['0.0.0.0/0', '::/0']) {
                const block = parseIpBlock(all);
                if (block.ok)
                    entries.push({ kind: 'ip', text, location, block: block.value, comment });
            }
            return;
        }
        if (classifyValue(text) !== 'ip') {
            problems.push({
                location,
                message: `"${text}" is a host name, which Squid resolves once when it reads the configuration; not compared`,
                text,
                severity: 'notice',
            });
            return;
        }
        const block = squid_readAddress(text);
        if (typeof block === 'string')
            problems.push({ location, message: block, text });
        else
            entries.push({ kind: 'ip', text, location, block, comment });
        return;
    }
    // dstdomain: `.example.com` is the domain and its subdomains, `example.com` that name only.
    if (classifyValue(text) === 'ip') {
        const block = parseIpBlock(text);
        if (!block.ok)
            problems.push({ location, message: block.error, text });
        else
            entries.push({ kind: 'ip', text, location, block: block.value, comment });
        return;
    }
    if (text.includes('*')) {
        problems.push({
            location,
            message: `"${text}" has a "*", which ${type} reads literally; write ".${text.replace(/^\*\.?/, '')}" for a domain and its subdomains`,
            text,
        });
        return;
    }
    const pattern = HostPattern.parse(text);
    if (!pattern.ok)
        problems.push({ location, message: pattern.error, text });
    else
        entries.push({ kind: 'host', text, location, pattern: pattern.value, comment });
}
/** `1.2.3.4`, `1.2.3.0/24`, `1.2.3.0/255.255.255.0`, `1.2.3.4-1.2.3.9`, `1.2.3.0-1.2.4.0/24`. */
function squid_readAddress(text) {
    let written = text;
    const slash = text.indexOf('/');
    if (slash >= 0 && text.slice(slash + 1).includes('.')) {
        const len = prefixOfMask(text.slice(slash + 1));
        if (typeof len === 'string')
            return len;
        written = `${text.slice(0, slash)}/${len}`;
    }
    if (written.includes('-') && written.includes('/')) {
        // A range with a mask: Squid applies the mask to both ends.
        const [range, len] = written.split('/');
        const [lo, hi] = range.split('-');
        const a = parseIpBlock(`${lo}/${len}`);
        const b = parseIpBlock(`${hi}/${len}`);
        if (!a.ok)
            return a.error;
        if (!b.ok)
            return b.error;
        const whole = parseIpBlock(`${a.value.masked().text.split('/')[0]}-${lastOf(b.value)}`);
        return whole.ok ? whole.value : whole.error;
    }
    const parsed = parseIpBlock(written);
    return parsed.ok ? parsed.value : parsed.error;
}
function lastOf(block) {
    const last = block.last;
    if (block.family === 4) {
        const n = Number(last);
        return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
    }
    const groups = [];
    for (let i = 7; i >= 0; i--)
        groups.push(((last >> BigInt(16 * i)) & 0xffffn).toString(16));
    return groups.join(':');
}
const squid_SAMPLE_CHARS = 64 * 1024;
function detectSquid(file) {
    const path = file.path.toLowerCase();
    const head = file.text.slice(0, squid_SAMPLE_CHARS);
    const acl = /^\s*acl\s+\S+\s+(?:dstdomain|dst|dstdom_regex|ssl::server_name|url_regex|src|port)\b/m.test(head);
    const access = /^\s*http_access\s+(?:allow|deny)\b/m.test(head);
    const named = /squid/.test(path);
    if ((acl || access) && (named || path.endsWith('.conf')))
        return 10;
    if (acl && access)
        return 8;
    if (acl)
        return 6;
    return 0;
}
/**
 * Squid configuration (`squid.conf` and files it includes). Entries are the values of
 * `dstdomain` and `ssl::server_name` ACLs (`.example.com` is the domain and its subdomains)
 * and of `dst` ACLs (addresses, prefixes, masks, ranges), inline or in a file named by a quoted
 * path (read through the repository). Only ACLs that an `http_access allow` line uses count;
 * each entry's comment names the ACL and that line. A file without any `http_access` line
 * (a fragment of a larger configuration) counts all its ACLs. Regular expressions
 * (`dstdom_regex`, `url_regex`) are notices.
 *
 * Settings: `acls: [name, ...]`: the ACLs that count, instead of those `http_access allow` uses.
 */
const SQUID = {
    id: 'squid',
    title: 'Squid configuration',
    filePatterns: ['squid.conf', '*.squid', 'squid*.conf'],
    capabilities: { ...LIST_CAPABILITIES, subdomainsOnly: false },
    detect: detectSquid,
    parse: parseSquid,
};

;// CONCATENATED MODULE: ./schemas/allowlist.schema.json
const allowlist_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://endpoint-drift.dev/schemas/allowlist.schema.json","title":"endpoint-drift allowlist","description":"An allowlist kept in YAML or JSON: host names, wildcards and IP prefixes, each with the TCP and UDP ports it allows.","type":"object","additionalProperties":false,"required":["entries"],"properties":{"$schema":{"description":"Where editors find this schema.","type":"string"},"endpoint-drift":{"description":"Marks the file as an endpoint-drift allowlist and names the version of this format.","const":"allowlist/v1"},"entries":{"description":"The allowed endpoints.","type":"array","items":{"$ref":"#/$defs/entry"}}},"$defs":{"entry":{"description":"One allowed endpoint: exactly one of host or ip. An entry with neither a tcp nor a udp key allows all ports of both protocols; an entry with only one of them allows no port of the other.","type":"object","additionalProperties":false,"oneOf":[{"required":["host"]},{"required":["ip"]}],"properties":{"host":{"description":"A host name (outlook.office365.com), a wildcard (*.sharepoint.com) or a leading-dot domain (.office.com: the domain and every name below it).","type":"string","minLength":1},"ip":{"description":"An IPv4 or IPv6 address, prefix (13.107.6.152/31) or range (10.0.0.1-10.0.0.9).","type":"string","minLength":1},"tcp":{"$ref":"#/$defs/ports"},"udp":{"$ref":"#/$defs/ports"},"comment":{"description":"Why the entry is there.","type":"string"},"group":{"description":"A label for grouping entries in reports.","type":"string","minLength":1}}},"ports":{"description":"Ports of one protocol: a number (443), a string (\\"80,443\\", \\"50000-59999\\", \\"any\\") or a list of numbers and strings.","type":["integer","string","array"],"minimum":0,"maximum":65535,"pattern":"^\\\\s*(?:\\\\*|[Aa][Nn][Yy]|\\\\d+(?:-\\\\d+)?(?:[,;\\\\s]+\\\\d+(?:-\\\\d+)?)*)\\\\s*$","minItems":1,"items":{"type":["integer","string"],"minimum":0,"maximum":65535,"pattern":"^\\\\s*\\\\d+(?:-\\\\d+)?(?:[,;\\\\s]+\\\\d+(?:-\\\\d+)?)*\\\\s*$"}}}}');
;// CONCATENATED MODULE: ./src/formats/allowlist/structured.ts










const structured_MARKER = 'allowlist/v1';
const ENTRY_KEYS = 'host, ip, tcp, udp, comment or group';
let structured_validator;
/** Compiled on first use, so that importing the registry costs nothing. */
function validate(data) {
    structured_validator ??= new _2020.Ajv2020({
        allErrors: true,
        strict: true,
        strictRequired: false,
        allowUnionTypes: true,
        verbose: true,
    }).compile(allowlist_schema_namespaceObject);
    return structured_validator(data) ? [] : (structured_validator.errors ?? []);
}
const structured_SAMPLE_CHARS = 64 * 1024;
const DETECT = {
    yaml: {
        marker: /^["']?endpoint-drift["']?\s*:\s*["']?allowlist\/v1\b/m,
        // Horizontal whitespace only inside the repetition, so that no run of blank lines can make
        // the expression backtrack.
        shape: /^entries[^\S\n]*:[^\S\n]*(?:#.*)?\n(?:[^\S\n]*(?:#.*)?\n)*[^\S\n]*-[^\S\n]+["']?(?:host|ip)["']?[^\S\n]*:/m,
    },
    json: {
        marker: /"endpoint-drift"\s*:\s*"allowlist\/v1"/,
        shape: /"entries"\s*:\s*\[\s*\{\s*"(?:host|ip)"\s*:/,
    },
};
function structured_detector(flavour, patterns) {
    return (file) => {
        const path = file.path.toLowerCase();
        if (!patterns.some((p) => path.endsWith(p.replace(/^\*/, ''))))
            return 0;
        const head = file.text.slice(0, structured_SAMPLE_CHARS);
        if (DETECT[flavour].marker.test(head))
            return 10;
        return DETECT[flavour].shape.test(head) ? 5 : 0;
    };
}
function parseStructured(file, flavour) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: `allowlist-${flavour}`, entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const text = withoutBom(file.text);
    const at = (pos) => ({
        file: file.path,
        ...pos,
    });
    let jsonError = false;
    if (flavour === 'json') {
        try {
            JSON.parse(text);
        }
        catch {
            const error = jsonSyntaxError(text);
            if (error) {
                jsonError = true;
                problems.push({
                    location: at(positionOf(text, error.offset)),
                    message: `invalid JSON: ${error.message}`,
                });
            }
        }
    }
    const pd = parsePositioned(text);
    const syntax = pd.errors[0];
    if (syntax && !jsonError) {
        problems.push({
            location: at({ line: syntax.line, column: syntax.column }),
            message: `invalid ${flavour === 'json' ? 'JSON' : 'YAML'}: ${syntax.message}`,
        });
    }
    // After a syntax error the document is a guess: read the entries that make sense, but do not
    // lecture about the shape of text the parser had to invent.
    const quiet = problems.length > 0;
    const data = toData(pd);
    const errors = validate(data);
    const entryErrors = new Map();
    for (const err of errors) {
        const m = /^\/entries\/(\d+)(?:\/|$)/.exec(err.instancePath);
        if (!m) {
            if (!quiet)
                problems.push(schemaProblem(err, pd, at, flavour));
            continue;
        }
        const index = Number(m[1]);
        entryErrors.set(index, [...(entryErrors.get(index) ?? []), err]);
    }
    const seq = nodeAt(pd, '/entries');
    const items = data?.entries;
    if (!(0,dist/* isSeq */.oP)(seq) || !Array.isArray(items))
        return result;
    seq.items.forEach((written, index) => {
        const item = (0,dist/* isAlias */.Vj)(written) ? written.resolve(pd.doc) : written;
        const errs = entryErrors.get(index);
        if (errs) {
            if (!quiet)
                problems.push(...entryProblems(errs, pd, at, flavour));
        }
        else if ((0,dist/* isMap */.jh)(item)) {
            const value = items[index];
            if (value === null || typeof value !== 'object') {
                // The document's data and its syntax tree disagree (only after syntax errors).
                if (!quiet)
                    problems.push({
                        location: at(nodePosition(pd, item)),
                        message: 'this entry could not be read',
                    });
                return;
            }
            readEntry(item, value, comment(seq, item, index), pd, at, entries, problems);
        }
    });
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return result;
}
function toData(pd) {
    try {
        return pd.doc.toJS({ maxAliasCount: 1000 });
    }
    catch {
        // Alias bombs and similar: the syntax problem already says what is wrong.
        return undefined;
    }
}
/** Where a node's content starts: inside the quotes of a quoted string. */
function structured_contentPosition(pd, node) {
    const pos = nodePosition(pd, node);
    const quoted = (0,dist/* isScalar */.jn)(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    return quoted ? { line: pos.line, column: pos.column + 1 } : pos;
}
function readEntry(item, data, yamlComment, pd, at, entries, problems) {
    const key = data.host !== undefined ? 'host' : 'ip';
    const text = (data.host ?? data.ip);
    const location = at(structured_contentPosition(pd, item.get(key, true)));
    const ports = {
        tcp: structured_readPorts(item, 'tcp', data.tcp, pd, at, problems),
        udp: structured_readPorts(item, 'udp', data.udp, pd, at, problems),
    };
    if (ports.tcp === null || ports.udp === null)
        return;
    const spec = ports.tcp === undefined && ports.udp === undefined
        ? { tcp: PortSet.ANY, udp: PortSet.ANY }
        : { tcp: ports.tcp ?? PortSet.EMPTY, udp: ports.udp ?? PortSet.EMPTY };
    const comment = data.comment ?? yamlComment;
    if (key === 'host') {
        const pattern = HostPattern.parse(text);
        if (!pattern.ok)
            problems.push({ location, message: pattern.error, text });
        else
            entries.push({ kind: 'host', text, location, pattern: pattern.value, ports: spec, comment });
    }
    else {
        const block = parseIpBlock(text);
        if (!block.ok)
            problems.push({ location, message: block.error, text });
        else
            entries.push({ kind: 'ip', text, location, block: block.value, ports: spec, comment });
    }
}
/** The ports of one protocol; undefined when the key is absent, null after a problem. */
function structured_readPorts(item, protocol, value, pd, at, problems) {
    if (value === undefined)
        return undefined;
    const node = item.get(protocol, true);
    const values = Array.isArray(value) ? value : [value];
    const nodes = (0,dist/* isSeq */.oP)(node) ? node.items : [node];
    let set = PortSet.EMPTY;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const parsed = typeof v === 'number' ? PortSet.parse(String(v)) : PortSet.parse(v);
        if (!parsed.ok) {
            problems.push({
                location: at(structured_contentPosition(pd, nodes[i])),
                message: parsed.error,
                text: String(v),
            });
            return null;
        }
        set = set.union(parsed.value);
    }
    return set;
}
/** The `#` comment on the entry's first line, or the comment lines right above it. */
function comment(seq, item, index) {
    const first = item.items[0]?.value;
    const raw = first?.comment ?? item.commentBefore ?? (index === 0 ? seq.commentBefore : undefined);
    if (raw === undefined || raw === null)
        return undefined;
    const text = raw
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join('\n');
    return text === '' ? undefined : text;
}
/** One problem per distinct message; "host or ip" errors come as a set from `oneOf` and are told once. */
function entryProblems(errors, pd, at, flavour) {
    const out = [];
    const seen = new Set();
    const entryPath = /^\/entries\/\d+/.exec(errors[0].instancePath)[0];
    const notAMap = errors.some((e) => e.instancePath === entryPath && e.keyword === 'type');
    for (const err of errors) {
        if (notAMap && err.instancePath === entryPath && err.keyword !== 'type')
            continue;
        const problem = schemaProblem(err, pd, at, flavour);
        const id = `${problem.location.line}:${problem.location.column}:${problem.message}`;
        if (seen.has(id))
            continue;
        seen.add(id);
        out.push(problem);
    }
    return out;
}
function schemaProblem(err, pd, at, flavour) {
    const unknownKey = err.keyword === 'additionalProperties';
    const pointer = unknownKey
        ? `${err.instancePath}/${String(err.params.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`
        : err.instancePath;
    const node = nodeAt(pd, pointer, unknownKey);
    return { location: at(structured_contentPosition(pd, node)), message: structured_describe(err, flavour) };
}
function structured_describe(err, flavour) {
    const mapping = flavour === 'json' ? 'an object' : 'a mapping';
    const list = flavour === 'json' ? 'an array' : 'a list';
    const steps = err.instancePath.split('/').slice(1);
    const isEntry = steps[0] === 'entries' && steps.length >= 2;
    const inEntry = isEntry && steps.length === 2;
    const name = [...steps].reverse().find((s) => !/^\d+$/.test(s)) ?? '';
    const p = err.params;
    const value = err.data;
    switch (err.keyword) {
        case 'oneOf':
        case 'required':
            if (inEntry)
                return 'an entry needs exactly one of "host" or "ip"';
            return `the file needs ${list} of "entries"`;
        case 'additionalProperties': {
            const keyName = String(p.additionalProperty);
            return isEntry
                ? `unknown key "${keyName}" in an entry (expected ${ENTRY_KEYS})`
                : `unknown key "${keyName}" (expected endpoint-drift or entries)`;
        }
        case 'const':
            return `unsupported marker ${JSON.stringify(value)} (expected "${structured_MARKER}")`;
        case 'type':
            if (err.instancePath === '')
                return `the file must be ${mapping} with ${list} of "entries"`;
            if (inEntry)
                return `an entry must be ${mapping} with "host" or "ip", not ${JSON.stringify(value)}`;
            if (name === 'tcp' || name === 'udp') {
                return `"${name}" must be a port, a string such as "80,443" or ${list} of them, not ${JSON.stringify(value)}`;
            }
            if (name === 'entries')
                return `"entries" must be ${list}`;
            return `"${name}" must be a string, not ${JSON.stringify(value)}`;
        case 'minimum':
        case 'maximum':
            return `port ${String(value)} is out of range (0-65535)`;
        case 'pattern': {
            const parsed = PortSet.parse(String(value));
            return parsed.ok ? `"${String(value)}" is not a port or port range` : parsed.error;
        }
        case 'minItems':
        case 'minLength':
            return `"${name}" must not be empty`;
        default:
            return `"${name || 'the file'}" ${err.message ?? 'is not valid'}`;
    }
}
function structuredFormat(flavour, title, filePatterns) {
    return {
        id: `allowlist-${flavour}`,
        title,
        filePatterns,
        capabilities: RULE_CAPABILITIES,
        detect: structured_detector(flavour, filePatterns),
        parse: (file) => parseStructured(file, flavour),
    };
}
const ALLOWLIST_YAML = structuredFormat('yaml', 'endpoint-drift allowlist (YAML)', [
    '*.yml',
    '*.yaml',
]);
const ALLOWLIST_JSON = structuredFormat('json', 'endpoint-drift allowlist (JSON)', [
    '*.json',
]);

;// CONCATENATED MODULE: ./src/formats/allowlist/terraform.ts








/**
 * Terraform firewall rules: Azure Firewall (policy rule collection groups and the classic
 * application and network rule collections) and AWS Network Firewall rule groups. Only what a
 * rule allows becomes an entry; values that depend on the run (other resources, variables not
 * given, functions) are notices at their own position, never guesses.
 */
// ── allowlists ───────────────────────────────────────────────────────────────────────────────
const AZURE_POLICY = 'azurerm_firewall_policy_rule_collection_group';
const AZURE_APP = 'azurerm_firewall_application_rule_collection';
const AZURE_NETWORK = 'azurerm_firewall_network_rule_collection';
const AWS_GROUP = 'aws_networkfirewall_rule_group';
/** Application rule protocols and the TCP port each one uses when the rule gives none. */
const APP_PROTOCOLS = {
    http: { name: 'Http', port: 80 },
    https: { name: 'Https', port: 443 },
    mssql: { name: 'Mssql', port: 1433 },
};
/**
 * The strings of a list attribute, undefined when it is absent. Unknown items are notices; an
 * unknown list is one notice; a value that is not a list of strings is an error (Terraform
 * refuses it too).
 */
function listOf(r, body, name, outer) {
    const a = attributeOf(body, name);
    if (!a)
        return undefined;
    const { src } = r;
    const v = src.value(a.expression);
    if (v.kind === 'unknown') {
        src.notice(v);
        return { items: [], known: false };
    }
    if (v.kind !== 'list') {
        src.problem(a.expression.start, `"${name}" must be a list of strings`);
        return { items: [], known: false };
    }
    const attrComment = terraform_commentOf(src.doc, a) ?? outer;
    const items = [];
    let known = true;
    for (const item of v.items) {
        if (item.kind === 'unknown') {
            src.notice(item);
            known = false;
        }
        else if (item.kind === 'string' || item.kind === 'number') {
            const own = src.doc.commentFor(item.start.line, item.start.line);
            items.push({ text: String(item.value), start: item.start, comment: own ?? attrComment });
        }
        else {
            src.problem(item.start, `"${name}" must be a list of strings`);
            known = false;
        }
    }
    return { items, known };
}
/** The items of a list attribute; none when it is absent. */
function itemsOf(r, body, name, outer) {
    return listOf(r, body, name, outer)?.items ?? [];
}
function terraform_commentOf(doc, item) {
    return doc.commentFor(item.start.line, doc.position(item.end).line);
}
const WHITESPACE_NAMES = {
    ' ': 'space',
    '\t': 'tab',
    '\n': 'line break',
    '\r': 'carriage return',
    '\u00a0': 'no-break space',
};
function strayWhitespace(text) {
    const name = (c) => WHITESPACE_NAMES[c] ?? 'whitespace character';
    const trail = /\s$/.exec(text)?.[0];
    if (trail !== undefined)
        return { name: name(trail), where: 'at its end' };
    const lead = /^\s/.exec(text)?.[0];
    if (lead !== undefined)
        return { name: name(lead), where: 'at its start' };
    const inner = /\s/.exec(text)?.[0];
    return inner === undefined ? undefined : { name: name(inner), where: 'inside it' };
}
function strayProblem(r, item, stray, effect) {
    const { text, start } = item;
    const message = `${JSON.stringify(text)} has a ${stray.name} ${stray.where}, which ${effect}`;
    r.src.problem(start, message, text);
}
function addHost(r, item, field, ports, urls = false) {
    const { text, start, comment } = item;
    const stray = strayWhitespace(text);
    if (stray) {
        strayProblem(r, item, stray, 'the firewall reads as part of the name');
        return;
    }
    let host = text;
    if (urls) {
        const url = splitPath(text);
        host = url.host;
        if (url.path !== undefined && url.path !== '/' && url.path !== '/*')
            r.src.problem(start, `the path of "${text}" is not compared, only its host`, text, 'notice');
    }
    if (looksLikeIp(host)) {
        const message = `"${text}" is an IP address in "${field}", which holds host names; put it in the destination_addresses of a network rule`;
        r.src.problem(start, message, text);
        return;
    }
    const pattern = HostPattern.parse(host);
    if (!pattern.ok) {
        r.src.problem(start, pattern.error, text);
        return;
    }
    const location = r.src.at(start);
    r.entries.push({ kind: 'host', text, location, pattern: pattern.value, ports, comment });
}
/** A tag the references module knows: an entry, a notice or an error. False when it is no tag. */
function addTag(r, item, context, ports) {
    const c = classifyReference(item.text, context);
    if (!c)
        return false;
    if (c.kind === 'reference')
        r.entries.push({
            kind: 'reference',
            text: item.text,
            location: r.src.at(item.start),
            reference: c.reference,
            ports,
            comment: item.comment,
        });
    else if (c.kind === 'other-tag')
        r.src.problem(item.start, c.note, item.text, 'notice');
    else
        r.src.problem(item.start, c.message, item.text);
    return true;
}
function addFqdnTag(r, item, field, hostField, ports) {
    if (addTag(r, item, 'fqdn-tag', ports))
        return;
    const message = `${JSON.stringify(item.text)} in "${field}" is not an FQDN tag; host names go in "${hostField}"`;
    r.src.problem(item.start, message, item.text);
}
/**
 * Network rule addresses: IPs, CIDRs, ranges, `*`, service tags. A host name here matches
 * nothing, so it is an error that says where it belongs.
 */
function addAddress(r, item, field, ports, hostField) {
    const { text, start, comment } = item;
    const trimmed = text.trim();
    const stray = strayWhitespace(text);
    const location = r.src.at(start);
    const notIgnored = 'the firewall does not ignore';
    if (trimmed === '*' || trimmed.toUpperCase() === 'ANY') {
        if (stray)
            return strayProblem(r, item, stray, notIgnored);
        for (const any of ['0.0.0.0/0', '::/0']) {
            const block = parseIpBlock(any);
            if (block.ok)
                r.entries.push({ kind: 'ip', text, location, block: block.value, ports, comment });
        }
        return;
    }
    if (looksLikeIp(trimmed)) {
        if (stray)
            return strayProblem(r, item, stray, notIgnored);
        const block = parseIpBlock(trimmed);
        if (!block.ok)
            r.src.problem(start, block.error, text);
        else
            r.entries.push({ kind: 'ip', text, location, block: block.value, ports, comment });
        return;
    }
    const c = classifyReference(trimmed, 'service-tag');
    if (c && c.kind !== 'other-tag') {
        if (stray)
            strayProblem(r, item, stray, notIgnored);
        else
            addTag(r, item, 'service-tag', ports);
        return;
    }
    if (!c && trimmed.includes('.') && HostPattern.parse(trimmed).ok) {
        const fix = stray ? ` and remove the ${stray.name} ${stray.where}` : '';
        const message = `${JSON.stringify(text)} is a host name in "${field}", which holds IP addresses, CIDRs and service tags; move it to "${hostField}"${fix}`;
        r.src.problem(start, message, text);
        return;
    }
    if (c) {
        if (stray)
            strayProblem(r, item, stray, notIgnored);
        else
            r.src.problem(start, c.note, text, 'notice');
        return;
    }
    const message = `${JSON.stringify(text)} in "${field}" is not an IP address, CIDR or service tag`;
    r.src.problem(start, message, text);
}
// ── Azure Firewall ──
/** A rule collection whose action is Deny allows nothing: its rules are not read. */
function denies(r, collection) {
    const action = stringOf(r.src, collection, 'action');
    if (!action || action.value.toLowerCase() !== 'deny')
        return false;
    const name = stringOf(r.src, collection, 'name')?.value;
    const which = name ? ` "${name}"` : '';
    const message = `the rule collection${which} denies traffic; its rules are not read as allowed`;
    r.src.problem(action.start, message, action.value, 'notice');
    return true;
}
/**
 * Ports of an application rule's `protocols` (policy) or `protocol` (classic) blocks: TCP only,
 * the protocol's usual port when none is given. Undefined when they cannot be told.
 */
function appPorts(r, rule, blockName) {
    const blocks = blocksOf(rule, blockName);
    if (blocks.length === 0)
        return undefined;
    let tcp = PortSet.EMPTY;
    let known = true;
    for (const b of blocks) {
        const type = stringOf(r.src, b.body, 'type');
        if (type === null)
            known = false;
        const protocol = type ? APP_PROTOCOLS[type.value.toLowerCase()] : undefined;
        if (type && !protocol) {
            const message = `unknown application protocol "${type.value}" (expected Http, Https or Mssql)`;
            r.src.problem(type.start, message, type.value);
            continue;
        }
        const port = stringOf(r.src, b.body, 'port');
        if (port === null) {
            known = false;
            continue;
        }
        if (!port) {
            if (protocol)
                tcp = tcp.union(PortSet.fromNumbers([protocol.port]));
            continue;
        }
        const n = /^\d{1,5}$/.test(port.value) ? Number(port.value) : NaN;
        if (!(n >= 1 && n <= 65535)) {
            r.src.problem(port.start, `"${port.value}" is not a port number (1-65535)`, port.value);
            continue;
        }
        tcp = tcp.union(PortSet.fromNumbers([n]));
    }
    return known ? { tcp, udp: PortSet.EMPTY } : undefined;
}
/** Ports of a network rule: its protocols (TCP, UDP, Any, ICMP) times its destination ports. */
function terraform_networkPorts(r, rule) {
    const protocols = listOf(r, rule, 'protocols', undefined);
    const ports = listOf(r, rule, 'destination_ports', undefined);
    if (!protocols || !ports)
        return undefined;
    let set = PortSet.EMPTY;
    for (const p of ports.items) {
        const parsed = PortSet.parse(p.text);
        if (!parsed.ok)
            r.src.problem(p.start, parsed.error, p.text);
        else
            set = set.union(parsed.value);
    }
    let tcp = false;
    let udp = false;
    for (const p of protocols.items) {
        const name = p.text.toLowerCase();
        if (name === 'tcp')
            tcp = true;
        else if (name === 'udp')
            udp = true;
        else if (name === 'any')
            tcp = udp = true;
        else if (name !== 'icmp') {
            const message = `unknown network rule protocol "${p.text}" (expected TCP, UDP, ICMP or Any)`;
            r.src.problem(p.start, message, p.text);
        }
    }
    // A list that cannot be read leaves the rule's ports unknown, not empty.
    if (!protocols.known || !ports.known)
        return undefined;
    return { tcp: tcp ? set : PortSet.EMPTY, udp: udp ? set : PortSet.EMPTY };
}
function readApplicationRule(r, rule, classic) {
    const comment = terraform_commentOf(r.src.doc, rule);
    const ports = appPorts(r, rule.body, classic ? 'protocol' : 'protocols');
    const hostField = classic ? 'target_fqdns' : 'destination_fqdns';
    const tagField = classic ? 'fqdn_tags' : 'destination_fqdn_tags';
    for (const item of itemsOf(r, rule.body, hostField, comment))
        addHost(r, item, hostField, ports);
    for (const item of itemsOf(r, rule.body, tagField, comment))
        addFqdnTag(r, item, tagField, hostField, ports);
    if (classic)
        return;
    for (const item of itemsOf(r, rule.body, 'destination_urls', comment))
        addHost(r, item, 'destination_urls', ports, true);
}
function readNetworkRule(r, rule) {
    const comment = terraform_commentOf(r.src.doc, rule);
    const ports = terraform_networkPorts(r, rule.body);
    for (const item of itemsOf(r, rule.body, 'destination_addresses', comment))
        addAddress(r, item, 'destination_addresses', ports, 'destination_fqdns');
    for (const item of itemsOf(r, rule.body, 'destination_fqdns', comment))
        addHost(r, item, 'destination_fqdns', ports);
    const groups = attributeOf(rule.body, 'destination_ip_groups');
    if (groups) {
        const message = 'IP groups are defined elsewhere; "destination_ip_groups" is not compared';
        r.src.problem(groups.start, message, undefined, 'notice');
    }
}
function readRules(r, body, type, classic) {
    noticeDynamic(r.src, body);
    for (const rule of blocksOf(body, 'rule'))
        if (type === 'application')
            readApplicationRule(r, rule, classic);
        else
            readNetworkRule(r, rule);
}
/** A policy rule collection group holds collections of rules; a classic collection is one. */
function readCollections(r, body, type) {
    for (const collection of blocksOf(body, `${type}_rule_collection`)) {
        if (!denies(r, collection.body))
            readRules(r, collection.body, type, false);
    }
}
// ── AWS Network Firewall ──
/** Stateful rule protocols that run over UDP, or over both TCP and UDP; the others over TCP. */
const UDP_PROTOCOLS = new Set(['udp', 'ntp', 'dhcp', 'tftp', 'ikev2', 'quic']);
const BOTH_PROTOCOLS = new Set(['ip', 'dns', 'krb5']);
/** Suricata ports: `ANY`, `443`, `1024:65535`, `[80,443]`; undefined for negations and variables. */
function suricataPorts(text) {
    const t = text.trim();
    if (t.toUpperCase() === 'ANY')
        return PortSet.ANY;
    const inner = t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t;
    if (inner.includes('!') || inner.includes('$'))
        return undefined;
    const parsed = PortSet.parse(inner.replace(/:/g, '-'));
    return parsed.ok && !parsed.value.isEmpty ? parsed.value : undefined;
}
function readAwsGroup(r, resource) {
    for (const group of blocksOf(resource, 'rule_group')) {
        const ipSets = new Map();
        for (const vars of blocksOf(group.body, 'rule_variables'))
            for (const set of blocksOf(vars.body, 'ip_sets')) {
                const key = stringOf(r.src, set.body, 'key');
                const definition = blocksOf(set.body, 'ip_set')[0];
                if (key && definition)
                    ipSets.set(key.value, itemsOf(r, definition.body, 'definition', undefined));
            }
        for (const source of blocksOf(group.body, 'rules_source')) {
            noticeDynamic(r.src, source.body);
            for (const list of blocksOf(source.body, 'rules_source_list'))
                readDomainList(r, list);
            for (const rule of blocksOf(source.body, 'stateful_rule'))
                readStatefulRule(r, rule, ipSets);
            const rules = attributeOf(source.body, 'rules_string');
            if (rules)
                r.src.problem(rules.start, 'Suricata rules in "rules_string" are not read', undefined, 'notice');
            const stateless = blocksOf(source.body, 'stateless_rules_and_custom_actions')[0];
            if (stateless)
                r.src.problem(stateless.start, 'stateless rules are not read', undefined, 'notice');
        }
    }
}
function readDomainList(r, list) {
    const kind = stringOf(r.src, list.body, 'generated_rules_type');
    if (kind === null)
        return;
    if (kind && kind.value.toUpperCase() !== 'ALLOWLIST') {
        const message = `a "${kind.value}" domain list does not allow traffic; its targets are not read`;
        r.src.problem(kind.start, message, kind.value, 'notice');
        return;
    }
    const comment = terraform_commentOf(r.src.doc, list);
    // Domain lists match the HTTP Host header and the TLS SNI on any port: ports cannot be told.
    for (const item of itemsOf(r, list.body, 'targets', comment))
        addHost(r, item, 'targets', undefined);
}
/** A stateful PASS rule whose destination is an address, a CIDR, ANY or an IP set of the group. */
function readStatefulRule(r, rule, ipSets) {
    const action = stringOf(r.src, rule.body, 'action');
    if (!action || action.value.toUpperCase() !== 'PASS')
        return;
    const header = blocksOf(rule.body, 'header')[0];
    if (!header)
        return;
    const comment = terraform_commentOf(r.src.doc, rule);
    const protocol = stringOf(r.src, header.body, 'protocol');
    const port = stringOf(r.src, header.body, 'destination_port');
    const destination = stringOf(r.src, header.body, 'destination');
    if (!destination)
        return;
    let ports;
    if (protocol && port) {
        const set = suricataPorts(port.value);
        if (!set) {
            const message = `destination port "${port.value}" is not read (expected a port, a range "a:b", a list "[a,b]" or ANY)`;
            r.src.problem(port.start, message, port.value, 'notice');
        }
        else {
            const p = protocol.value.toLowerCase();
            const udp = UDP_PROTOCOLS.has(p) || BOTH_PROTOCOLS.has(p);
            const tcp = p !== 'icmp' && (!UDP_PROTOCOLS.has(p) || BOTH_PROTOCOLS.has(p));
            ports = { tcp: tcp ? set : PortSet.EMPTY, udp: udp ? set : PortSet.EMPTY };
        }
    }
    const text = destination.value.trim();
    const variable = /^\$([A-Za-z0-9_]+)$/.exec(text);
    if (variable) {
        const set = ipSets.get(variable[1]);
        if (!set) {
            const message = `rule variable "${text}" is not defined in this rule group`;
            r.src.problem(destination.start, message, text, 'notice');
            return;
        }
        for (const item of set)
            addAddress(r, { ...item, comment: item.comment ?? comment }, 'definition', ports, 'a domain list');
        return;
    }
    const list = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
    for (const part of list.split(',')) {
        const value = part.trim();
        if (value.startsWith('!') || value.startsWith('$')) {
            r.src.problem(destination.start, `destination "${value}" is not read`, value, 'notice');
            continue;
        }
        const item = { text: value, start: destination.start, comment };
        addAddress(r, item, 'destination', ports, 'a domain list');
    }
}
// ── the format ──
function parseTerraform(file, options) {
    const entries = [];
    const result = { path: file.path, format: 'terraform', entries };
    const src = readTerraformSource(file, options?.settings);
    if (!('doc' in src))
        return { ...result, problems: [src] };
    const r = { src, entries };
    for (const item of src.doc.body.items) {
        if (item.kind !== 'block' || item.type !== 'resource')
            continue;
        const type = item.labels[0]?.value;
        if (type !== AZURE_POLICY && type !== AZURE_APP && type !== AZURE_NETWORK && type !== AWS_GROUP)
            continue;
        noticeRepetition(src, item.body);
        if (type === AZURE_POLICY) {
            noticeDynamic(src, item.body);
            readCollections(r, item.body, 'application');
            readCollections(r, item.body, 'network');
        }
        else if (type === AWS_GROUP) {
            noticeDynamic(src, item.body);
            readAwsGroup(r, item.body);
        }
        else if (!denies(r, item.body)) {
            readRules(r, item.body, type === AZURE_APP ? 'application' : 'network', true);
        }
    }
    entries.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return { ...result, problems: finishProblems(src.problems) };
}
const FIREWALL_RESOURCE = /^[ \t]*resource[ \t]+"(?:azurerm_firewall_policy_rule_collection_group|azurerm_firewall_application_rule_collection|azurerm_firewall_network_rule_collection|aws_networkfirewall_rule_group)"/m;
/**
 * Terraform (HCL) firewall rules: Azure Firewall policy rule collection groups (application
 * rules' `destination_fqdns`, `destination_fqdn_tags`, `destination_urls` and `protocols`;
 * network rules' `destination_addresses`, `destination_fqdns`, `destination_ports` and
 * `protocols`), the classic application and network rule collections (`target_fqdns`,
 * `fqdn_tags`, `protocol`), and AWS Network Firewall rule groups (ALLOWLIST domain lists, simple
 * stateful PASS rules). Deny collections are not read as allowed.
 *
 * Settings: `variables`, a mapping of input variable names to values (strings, numbers, lists,
 * mappings) used for `var.NAME`; without it a variable's `default` in the same file is used.
 */
const TERRAFORM = {
    id: 'terraform',
    title: 'Terraform firewall rules',
    filePatterns: ['*.tf', '*.tofu'],
    capabilities: RULE_CAPABILITIES,
    detect: terraformDetector(FIREWALL_RESOURCE),
    parse: parseTerraform,
};

;// CONCATENATED MODULE: ./src/formats/allowlist/index.ts













/**
 * Every supported format. Order matters only to break detection ties: the generic format
 * comes first so that a list without distinctive marks is read as a plain list.
 */
const ALLOWLIST_FORMATS = [
    PLAIN,
    PAN_EDL,
    FORTIGATE,
    PFBLOCKERNG,
    ALLOWLIST_YAML,
    ALLOWLIST_JSON,
    PAC,
    SQUID,
    NFTABLES,
    IPTABLES,
    KUBERNETES,
    CSV,
    TERRAFORM,
    BICEP,
    ARM,
    M365_ENDPOINTS_JSON,
];
function formatIds() {
    return ALLOWLIST_FORMATS.map((f) => f.id);
}
function getFormat(id) {
    return ALLOWLIST_FORMATS.find((f) => f.id === id);
}
/** 'auto' picks the most confident detector (ties: a stable order); an unknown id is an error listing the supported ids. */
function resolveFormat(file, id) {
    return pickFormat(ALLOWLIST_FORMATS, file, id, 'format');
}

;// CONCATENATED MODULE: ./src/diff/host-index.ts
/**
 * Label-suffix indexes that keep host comparisons near-linear: a pattern can only share names
 * with patterns whose fixed base is one of its own base's suffixes, or lies under its base.
 */
/** Suffixes of a dotted name, longest first, ending with the empty name: a.b.c, b.c, c, "". */
function suffixes(name) {
    const out = [name];
    let i = name.indexOf('.');
    while (i !== -1) {
        out.push(name.slice(i + 1));
        i = name.indexOf('.', i + 1);
    }
    if (name !== '')
        out.push('');
    return out;
}
/** Groups items by an exact key, and by every suffix key in `interesting` (items under that name). */
class SuffixIndex {
    interesting;
    at = new Map();
    under = new Map();
    constructor(interesting) {
        this.interesting = interesting;
    }
    add(base, item) {
        host_index_push(this.at, base, item);
        this.addUnder(base, item);
    }
    /**
     * Files the item under each interesting suffix of its base. Every longer interesting suffix
     * has the two-label one as a suffix too, so when that one is not interesting (most entries
     * of a large general list) nothing is.
     */
    addUnder(base, item) {
        const two = lastLabels(base, 2);
        if (two === undefined || !this.interesting.has(two))
            return;
        let i = -1;
        let dots = 0;
        for (let j = base.indexOf('.'); j !== -1; j = base.indexOf('.', j + 1))
            dots++;
        while (dots >= 1) {
            const s = i === -1 ? base : base.slice(i + 1);
            if (this.interesting.has(s))
                host_index_push(this.under, s, item);
            i = base.indexOf('.', i + 1);
            dots--;
        }
    }
    /** Items whose base equals `base` or lies under it (`base` must be in the interesting set). */
    atOrUnder(base) {
        return this.under.get(base) ?? [];
    }
    /** Items whose base is exactly one of the suffixes of `base` (including `base` and ""). */
    above(base) {
        const out = [];
        this.eachAbove(base, (items) => {
            for (const item of items)
                out.push(item);
            return false;
        });
        return out;
    }
    /**
     * Visits the groups of items whose base is a suffix of `base`, longest first, without
     * building the list; stops when `visit` returns true.
     */
    eachAbove(base, visit) {
        let s = base;
        let from = 0;
        for (;;) {
            const items = this.at.get(s);
            if (items && visit(items))
                return;
            if (s === '')
                return;
            const dot = base.indexOf('.', from);
            if (dot === -1)
                s = '';
            else {
                s = base.slice(dot + 1);
                from = dot + 1;
            }
        }
    }
    /** Whether anything indexed can share a name with a pattern of this base (a cheap pre-check of `related`). */
    touches(base) {
        // Items above a base of two or more labels have an interesting two-label suffix in common
        // with it, unless they sit at one label or at the root: check those two directly.
        const two = lastLabels(base, 2);
        if (two !== undefined && !this.interesting.has(two)) {
            const one = lastLabels(base, 1) ?? base;
            return this.at.has(one) || this.at.has('');
        }
        let found = false;
        this.eachAbove(base, () => (found = true));
        return found || (this.under.get(base)?.length ?? 0) > 0;
    }
    /** Items that may share a name with a pattern of this base: above it, at it, or under it. */
    related(base) {
        const seen = new Set();
        const out = [];
        for (const item of [...this.above(base), ...this.atOrUnder(base)]) {
            if (seen.has(item))
                continue;
            seen.add(item);
            out.push(item);
        }
        return out;
    }
}
function host_index_push(map, key, item) {
    const list = map.get(key);
    if (list)
        list.push(item);
    else
        map.set(key, [item]);
}
/** Every suffix with at least two labels of each name (the keys worth indexing "under"). */
function interestingSuffixes(bases) {
    const out = new Set();
    for (const b of bases)
        for (const s of suffixes(b))
            if (s.includes('.'))
                out.add(s);
    return out;
}
/** The last `n` labels of a name, or undefined when it has fewer. */
function lastLabels(name, n) {
    let i = name.length;
    for (let k = 0; k < n; k++) {
        i = name.lastIndexOf('.', i - 1);
        if (i === -1)
            return k === n - 1 ? name : undefined;
    }
    return name.slice(i + 1);
}

;// CONCATENATED MODULE: ./src/diff/engine.ts








const engine_CLOUD_NAMES = {
    worldwide: 'Worldwide',
    china: '21Vianet (China)',
    usgovdod: 'US Government DoD',
    usgovgcchigh: 'US Government GCC High',
};
function check(input) {
    const { catalogue, selection } = input;
    const selected = selectRequirements(catalogue, selection);
    const everything = allSources(catalogue, selection.instance);
    const namespaces = m365Namespaces(catalogue, selection.instance);
    const notes = [...selected.problems];
    const findings = [];
    const context = new CloudContext(selection, selected.requirements, everything, namespaces, catalogue.clouds[selection.instance].history?.removed ?? []);
    for (const file of input.files)
        for (const p of file.parsed.problems)
            findings.push(problemFinding(p, file.group));
    const groups = new Map();
    for (const f of input.files) {
        const list = groups.get(f.group);
        if (list)
            list.push(f);
        else
            groups.set(f.group, [f]);
    }
    for (const [group, files] of [...groups].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) {
        new GroupCheck(group, files, context, findings, notes).run();
    }
    const cloud = catalogue.clouds[selection.instance];
    const p = cloud.provenance;
    return {
        catalogue: {
            instance: selection.instance,
            dataDate: p.dataDate,
            source: isWebServiceProvenance(p)
                ? `${p.serviceUrl.replace(/\/+$/, '')}/endpoints/${selection.instance} version ${p.version}`
                : `${p.sourceFile} (${p.origin.repo}@${p.origin.commit.slice(0, 12)})`,
            origin: input.origin ?? 'embedded',
            ...(isWebServiceProvenance(p) ? { version: p.version, fetchedAt: p.fetchedAt } : {}),
            selection,
            requirements: {
                hosts: selected.requirements.filter((r) => r.kind === 'host').length,
                ips: selected.requirements.filter((r) => r.kind === 'ip').length,
            },
        },
        files: input.files.map((f) => ({
            path: f.parsed.path,
            format: f.parsed.format,
            kind: 'allowlist',
            group: f.group,
            scope: f.scope,
            entries: f.parsed.entries.length,
        })),
        findings: sortFindings(findings),
        notes,
    };
}
/** What is known about the selected cloud, shared by all groups. */
class CloudContext {
    selection;
    hostReqs;
    ipReqs;
    allHostReqs;
    allIpReqs;
    catalogueHostKeys;
    catalogueIpKeys;
    selectedHostKeys;
    allHostIndex;
    selectedHostIndex;
    /** Every suffix of every selected host requirement's base, down to the root. */
    requirementSuffixes;
    interesting;
    selectedSpace;
    allSpace;
    domains;
    /** Hosts and addresses that earlier versions had and the current one does not. */
    removedHosts;
    hasRemovedHosts;
    removedIps;
    removedSpace;
    /** Endpoint sets and scenario rows that the selection includes. */
    selectedSources;
    instance;
    constructor(selection, selected, everything, namespaces, removed) {
        this.selection = selection;
        const hosts = [];
        this.removedIps = [];
        for (const r of removed) {
            if (r.kind === 'url') {
                const parsed = HostPattern.parse(r.value);
                if (parsed.ok)
                    hosts.push({ pattern: parsed.value, removed: r });
            }
            else {
                const parsed = parseIpBlock(r.value);
                if (parsed.ok)
                    this.removedIps.push({ block: parsed.value.masked(), removed: r });
            }
        }
        this.hasRemovedHosts = hosts.length > 0;
        this.removedHosts = new SuffixIndex(interestingSuffixes(hosts.map((h) => h.pattern.base)));
        for (const h of hosts)
            this.removedHosts.add(h.pattern.base, h);
        this.removedSpace = IpSet.of(this.removedIps.map((r) => r.block));
        this.hostReqs = selected.filter((r) => r.kind === 'host');
        this.ipReqs = selected.filter((r) => r.kind === 'ip');
        this.allHostReqs = everything.filter((r) => r.kind === 'host');
        this.allIpReqs = everything.filter((r) => r.kind === 'ip');
        // Tenant substitution makes selected patterns that allSources does not have.
        this.catalogueHostKeys = new Set([...this.allHostReqs, ...this.hostReqs].map((r) => r.pattern.key()));
        this.catalogueIpKeys = new Set(this.allIpReqs.map((r) => r.block.key()));
        this.selectedHostKeys = new Set(this.hostReqs.map((r) => r.pattern.key()));
        this.interesting = interestingSuffixes([...this.allHostReqs, ...this.hostReqs].map((r) => r.pattern.base));
        this.allHostIndex = new SuffixIndex(this.interesting);
        for (const r of this.allHostReqs)
            this.allHostIndex.add(r.pattern.base, r);
        this.requirementSuffixes = new Set(this.hostReqs.flatMap((r) => suffixes(r.pattern.base)));
        this.selectedHostIndex = new SuffixIndex(this.interesting);
        for (const r of this.hostReqs)
            this.selectedHostIndex.add(r.pattern.base, r);
        this.selectedSpace = IpSet.of(this.ipReqs.map((r) => r.block));
        this.allSpace = namespaces.ips.union(IpSet.of(this.allIpReqs.map((r) => r.block)));
        this.domains = new Set(namespaces.domains);
        this.instance = selection.instance;
        this.selectedSources = new Set(selected.flatMap((r) => r.sources.map(sourceId)));
    }
}
class GroupCheck {
    group;
    files;
    ctx;
    findings;
    notes;
    hosts = [];
    ips = [];
    references = [];
    /** The checked file each entry was read through (a Squid ACL file's entries: its squid.conf). */
    byPath = new Map();
    readThrough = new Map();
    hostIndex;
    hostVerdicts = new Map();
    fallbacks = new Map();
    constructor(group, files, ctx, findings, notes) {
        this.group = group;
        this.files = files;
        this.ctx = ctx;
        this.findings = findings;
        this.notes = notes;
        this.hostIndex = new SuffixIndex(ctx.interesting);
        for (const f of files)
            if (!this.byPath.has(f.parsed.path))
                this.byPath.set(f.parsed.path, f);
        for (const f of files) {
            for (const e of f.parsed.entries) {
                // Only entries of another file (an ACL file named in squid.conf) need a map entry.
                if (e.location.file !== f.parsed.path)
                    this.readThrough.set(e, f);
                if (e.kind === 'host') {
                    this.hosts.push(e);
                    // An exact name covers only itself: it is needed in the index only where a
                    // requirement looks for it.
                    if (e.pattern.isWildcard || ctx.requirementSuffixes.has(e.pattern.base))
                        this.hostIndex.add(e.pattern.base, e);
                    else
                        this.hostIndex.addUnder(e.pattern.base, e);
                }
                else if (e.kind === 'ip')
                    this.ips.push(e);
                else
                    this.references.push(e);
            }
        }
    }
    /** The checked file an entry was read through (for an ACL file's entries: its squid.conf). */
    fileOf(e) {
        return this.readThrough.get(e) ?? this.byPath.get(e.location.file);
    }
    run() {
        const can = {
            hosts: this.files.some((f) => f.capabilities.hosts),
            ips: this.files.some((f) => f.capabilities.ips),
            ipv6: this.files.some((f) => f.capabilities.ipv6),
        };
        const label = this.group === 'default' ? 'the allowlist' : `allowlist group "${this.group}"`;
        // A group that holds only addresses (an IP feed) is not asked for host names, and the reverse:
        // such lists are kept beside a list of the other kind for another firewall object.
        // A reference counts as the kind of address it stands for (an FQDN tag for names, a service tag for addresses).
        const kinds = (k) => this.references.some((r) => !r.reference.addressKinds ||
            r.reference.addressKinds.some((x) => (k === 'url' ? x === 'url' : x !== 'url')));
        const holdsHosts = this.hosts.length > 0 || kinds('url');
        const holdsIps = this.ips.length > 0 || kinds('ipv4');
        const wantHosts = can.hosts && (holdsHosts || !holdsIps);
        const wantIps = can.ips && (holdsIps || !holdsHosts);
        if (!wantHosts && this.ctx.hostReqs.length > 0)
            this.notes.push(`${label} holds no host names, so its ${this.ctx.hostReqs.length} host requirements were not checked`);
        if (!wantIps && this.ctx.ipReqs.length > 0)
            this.notes.push(`${label} holds no IP addresses, so its ${this.ctx.ipReqs.length} address requirements were not checked`);
        if (wantHosts)
            this.checkHostRequirements();
        if (wantIps)
            this.checkIpRequirements(can.ipv6);
        this.checkHostEntries();
        this.checkIpEntries();
        this.checkReferences();
    }
    // ── requirements: what is missing ─────────────────────────────────────────
    checkHostRequirements() {
        for (const req of this.ctx.hostReqs) {
            if (this.coveredByReference(req))
                continue;
            const candidates = this.hostIndex.related(req.pattern.base);
            const full = [];
            const partial = [];
            for (const e of candidates) {
                const c = e.pattern.coverage(req.pattern);
                if (c === 'full')
                    full.push(e);
                else if (c === 'partial')
                    partial.push(e);
            }
            if (full.length > 0) {
                this.checkPorts(req, full);
                continue;
            }
            if (partial.length > 0) {
                const first = partial.sort((a, b) => compareLocations(a.location, b.location))[0];
                const named = partial.slice(0, 3).map((e) => engine_quote(e.text));
                const some = partial.length > 3
                    ? `${named.join(', ')} and ${partial.length - 3} more allow`
                    : named.length === 1
                        ? `${named[0]} allows`
                        : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]} allow`;
                this.add('partially-covered', req.severity === 'notice' || req.upcoming !== undefined ? 'notice' : 'warning', first.location, {
                    message: `${engine_quote(req.text)} is only partly allowed: ${some} only some of its names (${describeSources(req.sources)})${fromDate(req)}`,
                    entry: first.text,
                    requirement: req,
                });
                continue;
            }
            const near = this.nearestHost(req.pattern);
            if (req.upcoming !== undefined) {
                this.add('upcoming-endpoint', 'notice', near.location, {
                    message: `${engine_quote(req.text)} is required from ${req.upcoming} (${describeSources(req.sources)}); ${near.where}`,
                    requirement: req,
                });
                continue;
            }
            this.add('missing-endpoint', req.severity, near.location, {
                message: `${engine_quote(req.text)} is required but not allowed (${describeSources(req.sources)}); ${near.where}`,
                requirement: req,
            });
        }
    }
    checkIpRequirements(ipv6) {
        let reqs = this.ctx.ipReqs.filter((r) => (ipv6 || r.block.family === 4) && !this.coveredByReference(r));
        // A list without a single IPv6 entry has no IPv6 egress, or forgot all of it: say so once.
        // Upcoming prefixes keep their own notices, with their dates.
        const v6 = reqs.filter((r) => r.block.family === 6 && r.upcoming === undefined);
        if (v6.length > 0 && !this.ips.some((e) => e.block.family === 6)) {
            reqs = reqs.filter((r) => r.block.family === 4 || r.upcoming !== undefined);
            const severity = v6.reduce((s, r) => (severityRank(r.severity) > severityRank(s) ? r.severity : s), 'notice');
            const near = this.fallback('ips');
            this.add('missing-endpoint', severity, near.location, {
                message: `no IPv6 address is allowed, but ${v6.length} IPv6 prefix${v6.length === 1 ? ' is' : 'es are'} required (${describeSources(v6.flatMap((r) => r.sources))}); add them, or set "ipv6: false" if this network has no IPv6 egress`,
                uncovered: v6.map((r) => r.block.masked().text),
                endpointSet: 'IPv6',
            });
        }
        const allowed = IpSet.of(this.ips.map((e) => e.block));
        const missing = IpSet.of(reqs.map((r) => r.block)).subtract(allowed);
        const ported = this.ips.some((e) => e.ports !== undefined);
        const byPorts = new Map();
        for (const req of reqs) {
            const uncovered = missing.isEmpty() ? missing : IpSet.of([req.block]).intersect(missing);
            if (uncovered.isEmpty()) {
                if (ported)
                    this.checkIpPorts(req, byPorts);
                continue;
            }
            const cidrs = uncovered.toCidrs().map((b) => b.text);
            const fully = cidrs.length === 1 && cidrs[0] === req.block.masked().text;
            if (fully) {
                const near = this.nearestIp(req.block);
                if (req.upcoming !== undefined) {
                    this.add('upcoming-endpoint', 'notice', near.location, {
                        message: `${req.block.masked().text} is required from ${req.upcoming} (${describeSources(req.sources)}); ${near.where}`,
                        requirement: req,
                        uncovered: cidrs,
                    });
                    continue;
                }
                this.add('missing-endpoint', req.severity, near.location, {
                    message: `${req.block.masked().text} is required but not allowed (${describeSources(req.sources)}); ${near.where}`,
                    requirement: req,
                    uncovered: cidrs,
                });
            }
            else {
                const part = this.ips
                    .filter((e) => e.block.overlaps(req.block))
                    .sort((a, b) => compareLocations(a.location, b.location))[0];
                const location = part?.location ?? this.nearestIp(req.block).location;
                this.add('partially-covered', req.upcoming ? 'notice' : req.severity, location, {
                    message: `${req.block.masked().text} is only partly allowed: ${cidrs.length === 1 ? '' : `${cidrs.length} prefixes, `}${listSome(cidrs)} not covered (${describeSources(req.sources)})${fromDate(req)}`,
                    ...(part ? { entry: part.text } : {}),
                    requirement: req,
                    uncovered: cidrs,
                });
            }
        }
    }
    /**
     * Each required port (or range) must be allowed on the whole prefix, by the union of the
     * entries that allow that port: a prefix may be split over entries with different ports.
     */
    checkIpPorts(req, cache) {
        const missing = { tcp: [], udp: [] };
        let uncovered = IpSet.empty();
        const overlapping = this.ips.filter((e) => e.block.overlaps(req.block));
        for (const proto of PROTOCOLS) {
            for (const range of elementaryRanges(req.ports[proto], overlapping.map((e) => e.ports?.[proto]))) {
                const key = `${proto}/${range[0]}-${range[1]}`;
                let set = cache.get(key);
                if (!set) {
                    const need = PortSet.of([range]);
                    set = IpSet.of(this.ips.filter((e) => !e.ports || e.ports[proto].covers(need)).map((e) => e.block));
                    cache.set(key, set);
                }
                const short = IpSet.of([req.block]).subtract(set);
                if (short.isEmpty())
                    continue;
                missing[proto].push(range);
                uncovered = uncovered.union(short);
            }
        }
        if (uncovered.isEmpty())
            return;
        const first = overlapping.sort((a, b) => compareLocations(a.location, b.location))[0];
        if (!first)
            return;
        const gap = { tcp: PortSet.of(missing.tcp), udp: PortSet.of(missing.udp) };
        this.add('partially-covered', req.severity, first.location, {
            message: `${req.block.masked().text} is allowed, but not on every port it needs: ${formatPortSpec(gap)} missing (${describeSources(req.sources)})`,
            entry: first.text,
            requirement: req,
            uncovered: uncovered.toCidrs().map((b) => b.text),
        });
    }
    checkPorts(req, covering) {
        if (covering.some((e) => e.ports === undefined))
            return;
        const allowed = engine_unionPorts(covering.map((e) => e.ports));
        const gap = subtractSpec(req.ports, allowed);
        if (gap.tcp.isEmpty && gap.udp.isEmpty)
            return;
        const first = covering.sort((a, b) => compareLocations(a.location, b.location))[0];
        this.add('partially-covered', req.severity, first.location, {
            message: `${engine_quote(req.text)} is allowed, but not on every port it needs: ${formatPortSpec(gap)} missing (${describeSources(req.sources)})`,
            entry: first.text,
            requirement: req,
        });
    }
    /**
     * Azure Firewall tags and hosted feeds stand for a part of the catalogue. A reference that
     * names the requirement covers it; when the reference carries ports that miss some the
     * requirement needs, that is said once here and the requirement counts as handled.
     */
    coveredByReference(req) {
        if (this.references.length === 0)
            return false;
        const naming = this.references.filter((ref) => this.referenceNames(ref, req));
        if (naming.length === 0)
            return false;
        if (naming.some((ref) => portsCover(ref.ports, req.ports)))
            return true;
        const first = [...naming].sort((a, b) => compareLocations(a.location, b.location))[0];
        const gap = subtractSpec(req.ports, engine_unionPorts(naming.map((r) => r.ports)));
        this.add('partially-covered', req.severity, first.location, {
            message: `${req.kind === 'host' ? engine_quote(req.text) : req.block.masked().text} is allowed by ${engine_quote(first.text)}, but not on every port it needs: ${formatPortSpec(gap)} missing (${describeSources(req.sources)})`,
            entry: first.text,
            requirement: req,
        });
        return true;
    }
    referenceNames(ref, req) {
        const r = ref.reference;
        if (r.instance !== undefined && r.instance !== this.ctx.instance)
            return false;
        if (r.addressKinds) {
            const kind = req.kind === 'host' ? 'url' : req.block.family === 4 ? 'ipv4' : 'ipv6';
            if (!r.addressKinds.includes(kind))
                return false;
        }
        return req.sources.some((s) => s.kind === 'endpoint-set' &&
            (!r.serviceAreas ||
                (s.serviceArea !== undefined && r.serviceAreas.includes(s.serviceArea))) &&
            (!r.categories || (s.category !== undefined && r.categories.includes(s.category))) &&
            (r.required === undefined || r.required === s.required));
    }
    /** A hosted feed of another cloud than the one checked covers nothing here. */
    checkReferences() {
        for (const ref of this.references) {
            const instance = ref.reference.instance;
            if (instance === undefined || instance === this.ctx.instance)
                continue;
            this.add('extraneous-entry', 'warning', ref.location, {
                message: `${engine_quote(ref.text)} is the feed of the ${engine_CLOUD_NAMES[instance] ?? instance} cloud, but the ${engine_CLOUD_NAMES[this.ctx.instance]} catalogue is checked`,
                entry: ref.text,
            });
        }
    }
    // ── entries: what does not belong ─────────────────────────────────────────
    checkHostEntries() {
        const seen = new Map();
        const judged = [];
        for (const e of this.hosts) {
            const file = this.fileOf(e);
            const scope = file.scope;
            // Squid and pfBlockerNG write the catalogue's `*.x` as `.x`.
            const mirrors = this.ctx.catalogueHostKeys.has(e.pattern.key()) ||
                (e.pattern.lead === 'zeroOrMore' &&
                    file.capabilities.subdomainsOnly === false &&
                    this.ctx.catalogueHostKeys.has(`*.${e.pattern.fixed}`));
            // Nothing in the catalogue shares a name with it: the common case of a large general list.
            const unrelated = !mirrors &&
                !this.ctx.allHostIndex.touches(e.pattern.base) &&
                !this.ctx.selectedHostIndex.touches(e.pattern.base);
            // Outside Microsoft 365's namespaces a mixed list is judged only where it opens a public
            // suffix or everything (such an entry allows Microsoft 365 names too), and for what only a
            // removed endpoint needed.
            if (unrelated && scope === 'mixed' && !e.pattern.overBreadth()) {
                this.staleHost(e, scope);
                continue;
            }
            const key = e.ports ? `${e.pattern.key()}|${portsKey(e.ports)}` : e.pattern.key();
            const first = seen.get(key);
            if (first) {
                this.add('redundant-entry', 'notice', e.location, {
                    message: `${engine_quote(e.text)} is a duplicate of the entry at ${where(first.location, e.location)}`,
                    entry: e.text,
                });
                continue;
            }
            seen.set(key, e);
            const matching = mirrors || unrelated
                ? []
                : this.ctx.allHostIndex
                    .related(e.pattern.base)
                    .filter((r) => e.pattern.intersects(r.pattern));
            judged.push({ e, scope, mirrors, unrelated, matching });
        }
        // Verdicts first: an entry that is to be narrowed is no cover that makes another one redundant.
        for (const j of judged) {
            const v = this.hostVerdict(j);
            if (v)
                this.hostVerdicts.set(j.e, v);
        }
        for (const j of judged) {
            const v = this.hostVerdicts.get(j.e);
            if (v?.severity === 'warning') {
                this.add('over-broad-entry', 'warning', j.e.location, {
                    message: v.message,
                    entry: j.e.text,
                    replacement: v.replacement,
                });
                continue;
            }
            if (!j.mirrors && this.redundantHost(j.e))
                continue;
            if (v) {
                this.add('over-broad-entry', v.severity, j.e.location, {
                    message: v.message,
                    entry: j.e.text,
                    replacement: v.replacement,
                });
                continue;
            }
            if (j.unrelated) {
                if (this.staleHost(j.e, j.scope))
                    continue;
                if (j.scope === 'dedicated')
                    this.add('extraneous-entry', 'warning', j.e.location, {
                        message: `${engine_quote(j.e.text)} matches nothing in the ${this.cloudName()} catalogue`,
                        entry: j.e.text,
                    });
                continue;
            }
            this.judgeHost(j);
        }
    }
    /** Whether, and how, a host entry allows far more than Microsoft 365 needs. */
    hostVerdict(j) {
        const { e, scope, mirrors, matching } = j;
        if (mirrors)
            return undefined;
        const open = e.pattern.overBreadth();
        if (open) {
            const within = this.catalogueHostsWithin(e);
            return {
                severity: 'warning',
                message: withText(e, open) +
                    (within.length === 0 || e.pattern.fixed === ''
                        ? ''
                        : `; the ${this.cloudName()} catalogue needs ${within.length} pattern${within.length === 1 ? '' : 's'} there (${listSome(within)})`),
                replacement: within,
            };
        }
        if (j.unrelated)
            return undefined;
        const registrable = e.pattern.registrableDomain();
        const inNamespace = matching.length > 0 || (registrable !== undefined && this.ctx.domains.has(registrable));
        if (scope === 'mixed' && !inNamespace)
            return undefined;
        // `.x` is how Squid and pfBlockerNG write `*.x`: it adds only the bare name.
        if (e.pattern.lead === 'zeroOrMore') {
            const star = `*.${e.pattern.fixed}`;
            if (this.ctx.catalogueHostKeys.has(star)) {
                if (this.fileOf(e).capabilities.subdomainsOnly === false)
                    return undefined;
                if (matching.some((r) => r.pattern.matches(e.pattern.fixed)))
                    return undefined;
                return {
                    severity: 'notice',
                    message: `${engine_quote(e.text)} also allows ${engine_quote(e.pattern.fixed)} itself, which the ${this.cloudName()} catalogue does not need; write ${engine_quote(star)}`,
                    replacement: [star],
                    narrowed: HostPattern.of(star),
                };
            }
        }
        const whole = this.wholeDomain(e, matching);
        if (!whole)
            return undefined;
        return {
            severity: 'warning',
            message: `${engine_quote(e.text)} ${whole}`,
            replacement: this.catalogueHostsWithin(e),
        };
    }
    /** Catalogue patterns (every set, and the selection's tenant forms) that share a name with the entry. */
    catalogueHostsWithin(e) {
        const candidates = e.pattern.fixed === '' || !e.pattern.base.includes('.')
            ? [...this.ctx.allHostReqs, ...this.ctx.hostReqs]
            : [
                ...this.ctx.allHostIndex.related(e.pattern.base),
                ...this.ctx.selectedHostIndex.related(e.pattern.base),
            ];
        const out = new Set();
        for (const r of candidates)
            if (e.pattern.intersects(r.pattern))
                out.add(r.pattern.text);
        return [...out].sort();
    }
    judgeHost(j) {
        const { e, scope, mirrors, matching } = j;
        const inSelection = this.ctx.selectedHostKeys.has(e.pattern.key()) ||
            this.ctx.selectedHostIndex
                .related(e.pattern.base)
                .some((r) => e.pattern.intersects(r.pattern));
        if (inSelection)
            return;
        const registrable = e.pattern.registrableDomain();
        if (mirrors || matching.length > 0) {
            const reqs = mirrors
                ? this.ctx.allHostReqs.filter((r) => r.pattern.key() === e.pattern.key() ||
                    (e.pattern.lead === 'zeroOrMore' && r.pattern.key() === `*.${e.pattern.fixed}`))
                : matching;
            this.add('outside-selection', 'notice', e.location, {
                message: this.outsideSelection(e.text, reqs.flatMap((r) => r.sources), () => {
                    const tenant = this.ctx.selection.tenant;
                    if (tenant === undefined)
                        return undefined;
                    // A tenant-specific pattern of a selected set, which the selection narrows to its tenant.
                    const forms = reqs
                        .filter((r) => r.pattern.labels.includes('*') &&
                        r.sources.some((s) => this.ctx.selectedSources.has(sourceId(s))))
                        .map((r) => r.pattern.withTenant(tenant).text);
                    return forms.length === 0
                        ? undefined
                        : `is for another tenant: the selection has tenant "${tenant}" (${listSome([...new Set(forms)].sort())})`;
                }),
                entry: e.text,
            });
            return;
        }
        if (this.staleHost(e, scope))
            return;
        const inNamespace = registrable !== undefined && this.ctx.domains.has(registrable);
        if (scope === 'mixed' && !inNamespace)
            return;
        this.add('extraneous-entry', scope === 'mixed' ? 'notice' : 'warning', e.location, {
            message: scope === 'mixed'
                ? `${engine_quote(e.text)} is under a Microsoft 365 domain (${registrable}) but no Microsoft 365 endpoint matches it`
                : `${engine_quote(e.text)} matches nothing in the ${this.cloudName()} catalogue`,
            entry: e.text,
        });
    }
    /**
     * "Only needed by sets outside the selection", naming only sets that really are outside it;
     * when every set that needs it is selected, something else excludes it (the tenant, `ipv6: false`).
     */
    outsideSelection(text, sources, otherReason, none = 'is in the catalogue, but no selected endpoint set needs it') {
        const other = otherReason();
        if (other !== undefined)
            return `${engine_quote(text)} ${other}`;
        const outside = sources.filter((s) => !this.ctx.selectedSources.has(sourceId(s)));
        if (outside.length > 0)
            return `${engine_quote(text)} is only needed by endpoint sets outside the selection (${describeSources(outside)})`;
        return `${engine_quote(text)} ${none}`;
    }
    /**
     * An entry that matches nothing current but shares names with endpoints a later version
     * removed: say which version removed them and from which set, instead of "extraneous".
     */
    staleHost(e, scope) {
        // Called for every unjudged name of a large mixed list: cheap when there is no history.
        if (!this.ctx.hasRemovedHosts || !this.ctx.removedHosts.touches(e.pattern.base))
            return false;
        const gone = this.ctx.removedHosts
            .related(e.pattern.base)
            .filter((r) => e.pattern.intersects(r.pattern));
        if (gone.length === 0)
            return false;
        this.addStale(e, scope, gone.map((g) => g.removed));
        return true;
    }
    staleIp(e, block, scope) {
        if (!this.ctx.removedSpace.overlaps(block))
            return false;
        const gone = this.ctx.removedIps.filter((r) => r.block.overlaps(block)).map((r) => r.removed);
        if (gone.length === 0)
            return false;
        this.addStale(e, scope, gone);
        return true;
    }
    addStale(e, scope, gone) {
        const sorted = [...gone].sort((a, b) => (a.version < b.version ? 1 : a.version > b.version ? -1 : 0) ||
            a.endpointSetId - b.endpointSetId ||
            (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
        // One part per removed value and version, naming every set it left.
        const groups = new Map();
        for (const r of sorted) {
            const key = `${r.value}\u0000${r.version}`;
            const set = `${r.serviceArea} set ${r.endpointSetId} ${r.category}${r.required ? '' : ' optional'}`;
            const g = groups.get(key);
            if (!g)
                groups.set(key, { r, sets: [set] });
            else if (!g.sets.includes(set))
                g.sets.push(set);
        }
        const parts = [...groups.values()].map(({ r, sets }) => `${r.value === e.text ? '' : `${engine_quote(r.value)} `}from ${listAnd(sets)} in version ${r.version}`);
        this.add('stale-entry', scope === 'mixed' ? 'notice' : 'warning', e.location, {
            message: `${engine_quote(e.text)} was needed only by endpoints that Microsoft removed (${listSome(parts, 3)}); nothing in the current ${this.cloudName()} catalogue needs it`,
            entry: e.text,
        });
    }
    /** A wildcard over a whole registrable domain of which the catalogue needs only some names. */
    wholeDomain(e, matching) {
        if (!e.pattern.isWildcard || matching.length === 0)
            return undefined;
        const domain = e.pattern.registrableDomain();
        if (domain === undefined || e.pattern.base !== domain)
            return undefined;
        if (matching.some((r) => r.pattern.coverage(e.pattern) === 'full'))
            return undefined;
        const names = new Set(matching.map((r) => r.text));
        return `allows every name under ${domain}, but the catalogue needs only ${names.size} pattern${names.size === 1 ? '' : 's'} there (${listSome([...names].sort())})`;
    }
    /** What an entry still allows once its finding is followed: nothing for an over-broad one. */
    coverOf(f) {
        const v = this.hostVerdicts.get(f);
        if (!v)
            return f.pattern;
        return v.narrowed;
    }
    redundantHost(e) {
        let cover;
        const need = e.ports ?? allPorts;
        this.hostIndex.eachAbove(e.pattern.base, (items) => {
            for (const f of items) {
                if (f === e || f.pattern.key() === e.pattern.key())
                    continue;
                const pattern = this.coverOf(f);
                if (pattern?.coverage(e.pattern) === 'full' && portsCover(f.ports, need)) {
                    cover = f;
                    return true;
                }
            }
            return false;
        });
        if (!cover)
            return false;
        this.add('redundant-entry', 'notice', e.location, {
            message: `${engine_quote(e.text)} is already covered by ${engine_quote(cover.text)} at ${where(cover.location, e.location)}`,
            entry: e.text,
        });
        return true;
    }
    checkIpEntries() {
        // A mixed allowlist is judged only inside Microsoft 365 address space; what lies outside it
        // cannot contain anything inside it, so the sweep can leave it out.
        const judged = this.ips.filter((e) => this.fileOf(e).scope === 'dedicated' ||
            this.ctx.allSpace.overlaps(e.block.masked()) ||
            this.ctx.removedSpace.overlaps(e.block.masked()));
        // Verdicts first: an over-broad block is no cover that makes another entry redundant.
        const broad = new Map();
        for (const e of judged) {
            const v = this.ipVerdict(e);
            if (v)
                broad.set(e, v);
        }
        // this.ips is in file and line order, and equal blocks keep that order.
        const blocks = judged.map((e) => e.block.masked());
        const masked = Array.from(IpBlock.orderWidestFirst(blocks), (i) => ({
            e: judged[i],
            m: blocks[i],
        }));
        // Sweep in address order: an entry inside the widest earlier block (same ports) adds nothing.
        const widest = new Map();
        const redundant = new Set();
        for (const item of masked) {
            const { e, m } = item;
            const key = e.ports ? `${m.family}|${portsKey(e.ports)}` : m.family === 4 ? '4' : '6';
            const w = widest.get(key);
            if (w && w.m.contains(m)) {
                const duplicate = w.m.key() === m.key();
                if (duplicate || !this.ctx.catalogueIpKeys.has(m.key())) {
                    redundant.add(e);
                    this.add('redundant-entry', 'notice', e.location, {
                        message: duplicate
                            ? `${engine_quote(e.text)} is a duplicate of the entry at ${where(w.e.location, e.location)}`
                            : `${engine_quote(e.text)} is already covered by ${engine_quote(w.e.text)} at ${where(w.e.location, e.location)}`,
                        entry: e.text,
                    });
                    continue;
                }
            }
            if ((!w || !w.m.contains(m)) && !broad.has(e))
                widest.set(key, item);
        }
        for (const e of this.ips) {
            if (e.block.hasHostBits)
                this.add('host-bits-set', 'warning', e.location, {
                    message: `${engine_quote(e.text)} has host bits set; the network is ${e.block.masked().text}`,
                    entry: e.text,
                });
        }
        for (const e of judged) {
            if (redundant.has(e))
                continue;
            const v = broad.get(e);
            if (v)
                this.add('over-broad-entry', v.severity, e.location, {
                    message: v.message,
                    entry: e.text,
                    replacement: v.replacement,
                });
            else
                this.judgeIp(e);
        }
    }
    /**
     * An address entry most of whose addresses lie outside every prefix of the cloud's catalogue
     * (all sets, optional ones and scenarios included) is over-broad, in either scope; one with none
     * of them at all has nothing to be narrowed to, and is left to `judgeIp`.
     */
    ipVerdict(e) {
        const b = e.block.masked();
        if (this.ctx.catalogueIpKeys.has(b.key()) || this.ctx.allSpace.covers(b))
            return undefined;
        // Most entries of a large list lie wholly outside: nothing to narrow, and no set algebra.
        if (b.prefixLength !== 0 && !this.ctx.allSpace.overlaps(b))
            return undefined;
        const family = b.family;
        const inside = IpSet.of([b]).intersect(this.ctx.allSpace);
        const insideSize = inside.size(family);
        if (b.prefixLength === 0) {
            return {
                severity: 'warning',
                message: `${engine_quote(e.text)} allows every IPv${family} address`,
                replacement: inside.toCidrs().map((c) => c.text),
            };
        }
        const size = b.size();
        if (insideSize === 0n || insideSize * 2n >= size)
            return undefined;
        const prefixes = inside.toCidrs().map((c) => c.text);
        return {
            severity: 'warning',
            message: `${engine_quote(e.text)} is mostly outside Microsoft 365: ${percent(insideSize, size)} of it is in the ${this.cloudName()} catalogue; write ${listSome(prefixes)} instead`,
            replacement: prefixes,
        };
    }
    judgeIp(e) {
        const b = e.block.masked();
        const scope = this.fileOf(e).scope;
        if (this.ctx.selectedSpace.overlaps(b))
            return;
        if (this.ctx.allSpace.overlaps(b)) {
            const sources = this.ctx.allIpReqs
                .filter((r) => r.block.overlaps(b))
                .flatMap((r) => r.sources);
            this.add('outside-selection', 'notice', e.location, {
                message: this.outsideSelection(e.text, sources, () => b.family === 6 && !this.ctx.selection.ipv6
                    ? 'is an IPv6 prefix of Microsoft 365, and the selection has "ipv6: false"'
                    : undefined, 'is in Microsoft 365 address space but no selected endpoint set needs it'),
                entry: e.text,
            });
            return;
        }
        if (this.staleIp(e, b, scope))
            return;
        if (scope === 'mixed')
            return;
        this.add('extraneous-entry', 'warning', e.location, {
            message: `${engine_quote(e.text)} is outside every address range of the ${this.cloudName()} catalogue`,
            entry: e.text,
        });
    }
    // ── where a missing entry belongs ─────────────────────────────────────────
    /**
     * Beside the entry of the group closest in name, within the requirement's registrable domain
     * (a name under the same public suffix is no neighbour); else in the file holding the most
     * Microsoft 365 names.
     */
    nearestHost(pattern) {
        const base = pattern.base;
        const domain = pattern.registrableDomain();
        for (const s of suffixes(base)) {
            if (domain !== undefined ? !s.endsWith(domain) : s !== base)
                break;
            if (!this.ctx.interesting.has(s))
                continue;
            const near = this.hostIndex.atOrUnder(s);
            if (near.length > 0) {
                const e = [...near].sort((a, b) => compareLocations(a.location, b.location))[0];
                return { location: e.location, where: `it belongs beside ${engine_quote(e.text)}` };
            }
        }
        return this.fallback('hosts');
    }
    nearestIp(block) {
        let best;
        let bestDistance = -1n;
        for (const e of this.ips) {
            if (e.block.family !== block.family)
                continue;
            const d = distance(e.block, block);
            if (!best ||
                d < bestDistance ||
                (d === bestDistance && compareLocations(e.location, best.location) < 0)) {
                best = e;
                bestDistance = d;
            }
        }
        if (best)
            return { location: best.location, where: `it belongs beside ${engine_quote(best.text)}` };
        return this.fallback('ips');
    }
    /**
     * The file of the group that holds the most Microsoft 365 entries of this kind (else any entry
     * of the kind), at its last such entry: in a Squid setup, the ACL file of Microsoft 365 names.
     */
    fallback(kind) {
        // The same for every missing requirement of the kind: counted once, over the whole group.
        let found = this.fallbacks.get(kind);
        if (!found)
            this.fallbacks.set(kind, (found = this.findFallback(kind)));
        return found;
    }
    findFallback(kind) {
        // Counted per file an entry was read from: a Squid ACL file read through squid.conf is its own file.
        const counts = new Map();
        for (const f of this.files) {
            for (const e of f.parsed.entries) {
                const m365 = kind === 'hosts'
                    ? e.kind === 'host' &&
                        (this.ctx.catalogueHostKeys.has(e.pattern.key()) ||
                            this.ctx.allHostIndex.touches(e.pattern.base))
                    : e.kind === 'ip' && this.ctx.allSpace.overlaps(e.block);
                if (!m365)
                    continue;
                const c = counts.get(e.location.file);
                if (!c)
                    counts.set(e.location.file, { n: 1, last: e });
                else {
                    c.n++;
                    if (compareLocations(e.location, c.last.location) > 0)
                        c.last = e;
                }
            }
        }
        let best;
        for (const [file, c] of counts)
            if (!best || c.n > best.n)
                best = { file, ...c };
        if (best)
            return {
                location: { ...best.last.location, column: 1 },
                where: `add it to ${best.file}`,
            };
        const file = this.files.find((f) => f.parsed.entries.some((e) => e.kind === (kind === 'hosts' ? 'host' : 'ip'))) ??
            this.files.find((f) => f.capabilities[kind]) ??
            this.files[0];
        const last = file.parsed.entries[file.parsed.entries.length - 1];
        if (!last)
            return {
                location: { file: file.parsed.path, line: 0, column: 0 },
                where: 'add it to this file',
            };
        return { location: { ...last.location, column: 1 }, where: `add it to ${file.parsed.path}` };
    }
    cloudName() {
        return engine_CLOUD_NAMES[this.ctx.instance];
    }
    add(ruleId, severity, location, rest) {
        const endpointSet = rest.endpointSet ?? (rest.requirement ? setLabel(rest.requirement) : undefined);
        this.findings.push({
            ruleId,
            severity,
            message: rest.message,
            location,
            ...(rest.entry !== undefined ? { entry: rest.entry } : {}),
            ...(rest.requirement ? { requirement: describeRequirement(rest.requirement) } : {}),
            ...(endpointSet !== undefined ? { endpointSet } : {}),
            ...(rest.uncovered ? { uncovered: rest.uncovered } : {}),
            ...(rest.replacement ? { replacement: [...rest.replacement] } : {}),
            group: this.group,
        });
    }
}
function sourceId(s) {
    return `${s.kind}:${s.id}`;
}
/** "Common set 56 Allow (TCP 80,443)": what the text report and the job summary group by. */
function setLabel(req) {
    return `${describeSources(req.sources)} (${formatPortSpec(req.ports)})`;
}
const allPorts = { tcp: PortSet.ANY, udp: PortSet.ANY };
function portsKey(p) {
    return p ? `${p.tcp.key()}/${p.udp.key()}` : 'any';
}
/** Entries without ports allow every port (their format cannot say otherwise). */
function portsCover(have, need) {
    if (!have)
        return true;
    return have.tcp.covers(need.tcp) && have.udp.covers(need.udp);
}
function engine_unionPorts(list) {
    let tcp = PortSet.EMPTY;
    let udp = PortSet.EMPTY;
    for (const p of list) {
        if (!p)
            return allPorts;
        tcp = tcp.union(p.tcp);
        udp = udp.union(p.udp);
    }
    return { tcp, udp };
}
/**
 * The required ports cut at every boundary of the entries' port ranges, so that each piece is
 * either wholly allowed by an entry or not at all (3478-3481 against 3478-3480 gives 3478-3480, 3481).
 */
function elementaryRanges(need, have) {
    const cuts = new Set();
    for (const set of have)
        for (const [lo, hi] of set?.ranges ?? [])
            cuts.add(lo).add(hi + 1);
    const out = [];
    for (const [lo, hi] of need.ranges) {
        let start = lo;
        for (const c of [...cuts].filter((c) => c > lo && c <= hi).sort((a, b) => a - b)) {
            out.push([start, c - 1]);
            start = c;
        }
        out.push([start, hi]);
    }
    return out;
}
function subtractSpec(need, have) {
    return { tcp: need.tcp.subtract(have.tcp), udp: need.udp.subtract(have.udp) };
}
function distance(a, b) {
    if (a.last < b.first)
        return b.first - a.last;
    if (b.last < a.first)
        return a.first - b.last;
    return 0n;
}
function percent(part, whole) {
    const p = Number((part * 10000n) / whole) / 100;
    return p < 0.01 ? 'less than 0.01%' : `${p}%`;
}
/** Messages from the model start with the quoted canonical pattern; say it as the entry was written. */
function withText(e, message) {
    const lead = engine_quote(e.pattern.text);
    return message.startsWith(lead)
        ? `${engine_quote(e.text)}${message.slice(lead.length)}`
        : `${engine_quote(e.text)} ${message}`;
}
function listAnd(items) {
    return items.length <= 1
        ? (items[0] ?? '')
        : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/** "; required from 2026-07-01" for a requirement that is not live yet. */
function fromDate(req) {
    return req.upcoming === undefined ? '' : `; required from ${req.upcoming}`;
}
function engine_quote(text) {
    return `"${text}"`;
}
function where(first, here) {
    return first.file === here.file ? `line ${first.line}` : `${first.file}:${first.line}`;
}
function listSome(items, max = 4) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
/** "Exchange set 1 Optimize, set 2 Allow optional" — every set that needs it, compactly. */
function describeSources(sources) {
    const seen = new Set();
    const parts = [];
    for (const s of [...sources].sort((a, b) => a.id - b.id)) {
        const text = s.kind === 'endpoint-set'
            ? `${s.serviceArea} set ${s.id} ${s.category}${s.required ? '' : ' optional'}`
            : `scenario ${s.scenario ?? s.id}`;
        if (seen.has(text))
            continue;
        seen.add(text);
        parts.push(text);
    }
    return listSome(parts, 6);
}
function describeRequirement(req) {
    return {
        kind: req.kind,
        pattern: req.kind === 'host' ? req.text : req.block.masked().text,
        endpointSets: req.sources.map((s) => ({
            ...(s.kind === 'endpoint-set'
                ? { endpointSetId: s.id }
                : { scenario: s.scenario ?? String(s.id) }),
            ...(s.serviceArea ? { serviceArea: s.serviceArea } : {}),
            ...(s.category ? { category: s.category } : {}),
            required: s.required,
        })),
        ports: { tcp: req.ports.tcp.toString(), udp: req.ports.udp.toString() },
    };
}
/** A problem met while reading a file: malformed (`invalid-entry`) or read but not understood. */
function problemFinding(p, group) {
    const severity = p.severity ?? 'error';
    return {
        ruleId: severity === 'error' ? 'invalid-entry' : 'unsupported-entry',
        severity,
        message: p.message,
        location: p.location,
        ...(p.text !== undefined ? { entry: p.text } : {}),
        ...(group !== undefined ? { group } : {}),
    };
}
/** Deterministic order: file, line, column, rule, then the text. */
function sortFindings(findings) {
    return findings.sort((a, b) => compareLocations(a.location, b.location) ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
        severityRank(b.severity) - severityRank(a.severity) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}


;// CONCATENATED MODULE: ./data/dns-requirements.json
const dns_requirements_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../schemas/dns-requirements.schema.json","description":"DNS records a custom domain needs (or must not have) in each Microsoft 365 cloud, built by hand from the documents listed under sources. Hosts are relative to the domain (\'@\' is the domain itself). Values are patterns: \'{mx-token}\', \'{domain-dashes}\', \'{initial-domain}\' stand for per-tenant parts, and \'*\' stands for any characters inside one label.","sources":{"W24":{"title":"External Domain Name System records for Microsoft 365","date":"2024-10-24","reference":"../shared/reference/docs/external-domain-name-system-records.md","url":"https://learn.microsoft.com/microsoft-365/enterprise/external-domain-name-system-records"},"W22":{"title":"External Domain Name System records for Office 365 (earlier revision)","date":"2022-10-14","reference":"../shared/reference/docs/external-domain-name-system-records.2022-10-14.excerpt.md","url":"https://learn.microsoft.com/microsoft-365/enterprise/external-domain-name-system-records"},"ANY":{"title":"Create DNS records at any DNS hosting provider (revision with per-cloud sections)","date":"c. 2020","reference":"../shared/reference/docs/create-dns-records-at-any-dns-hosting-provider.per-cloud.excerpt.md","url":"https://learn.microsoft.com/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider"},"CN":{"title":"Create DNS records at DNSPod for Office 365 (operated by 21Vianet)","date":"c. 2018","reference":"../shared/reference/docs/21vianet-create-dns-records-at-dnspod.md"},"MSOID":{"title":"What\'s the purpose of the Office 365 CNAME record for MSOID?","date":"2024-08-29","reference":"../shared/reference/docs/purpose-of-cname-msoid.md","url":"https://learn.microsoft.com/microsoft-365/admin/services-in-china/purpose-of-cname?view=o365-21vianet"},"DOD":{"title":"DNS records for Office 365 DoD","date":"2020-05-19","reference":"../shared/reference/docs/dns-records-for-office-365-dod.md","url":"https://learn.microsoft.com/microsoft-365/enterprise/dns-records-for-office-365-dod"},"GCCH":{"title":"DNS records for Office 365 GCC High","date":"2020-05-19","reference":"../shared/reference/docs/dns-records-for-office-365-gcc-high.md","url":"https://learn.microsoft.com/microsoft-365/enterprise/dns-records-for-office-365-gcc-high"},"DKIM":{"title":"Set up DKIM to sign mail from your Microsoft 365 domain","date":"2024-05-31","reference":"../shared/reference/dns-records-by-cloud.md","url":"https://learn.microsoft.com/defender-office-365/email-authentication-dkim-configure"},"SPF":{"title":"Set up SPF to identify valid email sources for your Microsoft 365 domain","date":"2024-01-29","url":"https://learn.microsoft.com/defender-office-365/email-authentication-spf-configure"},"WS":{"title":"Microsoft 365 IP Address and URL web service, /endpoints/Worldwide (Exchange endpoint set 10: *.mail.protection.outlook.com and *.mx.microsoft on TCP 25)","date":"2025-09-29","reference":"../shared/reference/endpoints/worldwide.json"},"SPFREC":{"title":"The TXT record published at spf.protection.outlook.com, as quoted in public SPF-check outputs and test fixtures from 2024 to 2026","date":"2024/2026"}},"spfIncludes":{"spf.protection.outlook.com":{"clouds":["worldwide"],"nestedLookups":0,"record":"v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:52.102.0.0/16 ip4:52.103.0.0/17 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 ip6:2a01:111:f403::/49 ip6:2a01:111:f403:8000::/51 ip6:2a01:111:f403:c000::/51 ip6:2a01:111:f403:f000::/52 -all","source":"SPFREC","note":"Only ip4/ip6 terms, so the include costs its own lookup and nothing more. Copies from before about 2023 ended with include:spfd.protection.outlook.com, which cost one lookup more."},"spf.protection.partner.outlook.cn":{"clouds":["china"],"nestedLookups":null,"source":"CN","note":"No published copy of this record was available offline: it is counted as its own lookup only, so a count that uses it is a lower bound."},"spf.protection.office365.us":{"clouds":["usgovdod","usgovgcchigh"],"nestedLookups":null,"source":"GCCH","note":"No published copy of this record was available offline: it is counted as its own lookup only, so a count that uses it is a lower bound."}},"clouds":{"worldwide":{"title":"Worldwide (commercial and GCC)","spfInclude":"spf.protection.outlook.com","records":[{"id":"verification","type":"TXT","host":"@","values":["MS=ms*"],"level":"optional","service":"verification","severity":"notice","source":["W24","ANY"],"reason":"proves ownership of the domain while it is added to the tenant; it may be removed afterwards"},{"id":"msoid","type":"CNAME","host":"msoid","values":[],"level":"forbidden","service":"core","severity":"error","source":["W24","W22"],"reason":"this record belongs only to Microsoft 365 operated by 21Vianet; in any other cloud, users of the domain are told the domain is not in the system and cannot activate their Microsoft 365 licence"},{"id":"mx","type":"MX","host":"@","values":["{mx-token}.mail.protection.outlook.com","{mx-token}.*.mx.microsoft"],"level":"required","service":"exchange","severity":"error","source":["W24","ANY","WS"],"reason":"delivers the domain\'s incoming mail to Exchange Online (a target ending in .mx.microsoft once inbound DNSSEC and DANE are turned on)"},{"id":"spf","type":"TXT","host":"@","values":["v=spf1 include:spf.protection.outlook.com -all"],"level":"required","service":"exchange","severity":"error","source":["W24","ANY","SPF"],"reason":"lets receiving mail systems accept mail that Exchange Online sends for the domain; there may be only one SPF record, costing at most 10 DNS lookups"},{"id":"autodiscover","type":"CNAME","host":"autodiscover","values":["autodiscover.outlook.com"],"level":"required","service":"exchange","severity":"error","source":["W24","ANY"],"reason":"lets Outlook and other mail clients find Exchange Online and set themselves up"},{"id":"autodiscover-srv","type":"SRV","host":"_autodiscover._tcp","values":[],"level":"forbidden","service":"exchange","severity":"warning","source":["W24"],"reason":"Microsoft 365 finds Exchange Online through the autodiscover CNAME and lists no such SRV record; Outlook falls back to it when the CNAME lookup fails and then connects to whatever host it names, usually an earlier mail system"},{"id":"sipfederationtls","type":"SRV","host":"_sipfederationtls._tcp","values":["sipfed.online.lync.com"],"srv":{"priority":100,"weight":1,"port":5061},"level":"required","service":"teams","severity":"warning","source":["W24","ANY"],"reason":"lets users of other organisations find the domain for Teams federation (chat and presence with external users)"},{"id":"sip-tls","type":"SRV","host":"_sip._tls","values":["sipdir.online.lync.com"],"srv":{"priority":100,"weight":1,"port":443},"level":"legacy","service":"teams","severity":"notice","source":["W22","ANY"],"reason":"a Skype for Business Online record; the current record list no longer has it, and the earlier one only said it may be needed by Skype for Business phones"},{"id":"sip","type":"CNAME","host":"sip","values":["sipdir.online.lync.com"],"level":"legacy","service":"teams","severity":"notice","source":["ANY"],"reason":"a Skype for Business Online record that the current record list no longer has"},{"id":"lyncdiscover","type":"CNAME","host":"lyncdiscover","values":["webdir.online.lync.com"],"level":"legacy","service":"teams","severity":"notice","source":["W22","ANY"],"reason":"a Skype for Business Online record that the current record list no longer has; the earlier one kept it only for PowerShell cmdlets still running on Skype for Business Online"},{"id":"enterpriseregistration","type":"CNAME","host":"enterpriseregistration","values":["enterpriseregistration.windows.net"],"level":"required","service":"intune","severity":"warning","source":["ANY"],"reason":"lets devices of the domain\'s users register with Microsoft Entra ID for mobile device management"},{"id":"enterpriseenrollment","type":"CNAME","host":"enterpriseenrollment","values":["enterpriseenrollment.manage.microsoft.com","enterpriseenrollment-s.manage.microsoft.com"],"level":"required","service":"intune","severity":"warning","source":["ANY"],"reason":"lets devices enrol in Intune with the user\'s address; the documents give both target names, and both are in use"},{"id":"dkim-selector1","type":"CNAME","host":"selector1._domainkey","values":["selector1-{domain-dashes}._domainkey.{initial-domain}.onmicrosoft.com","selector1-*._domainkey.{initial-domain}.*.dkim.mail.microsoft"],"level":"required","service":"dkim","severity":"warning","source":["DKIM"],"reason":"publishes the first of the two DKIM keys that Exchange Online signs the domain\'s mail with; signing with the custom domain cannot be turned on until both selectors resolve"},{"id":"dkim-selector2","type":"CNAME","host":"selector2._domainkey","values":["selector2-{domain-dashes}._domainkey.{initial-domain}.onmicrosoft.com","selector2-*._domainkey.{initial-domain}.*.dkim.mail.microsoft"],"level":"required","service":"dkim","severity":"warning","source":["DKIM"],"reason":"publishes the second DKIM key, used after a key rotation; signing with the custom domain cannot be turned on until both selectors resolve"}]},"china":{"title":"Microsoft 365 operated by 21Vianet","spfInclude":"spf.protection.partner.outlook.cn","records":[{"id":"verification","type":"TXT","host":"@","values":["MS=ms*"],"level":"optional","service":"verification","severity":"notice","source":["CN"],"reason":"proves ownership of the domain while it is added to the tenant; it may be removed afterwards"},{"id":"msoid","type":"CNAME","host":"msoid","values":["clientconfig.partner.microsoftonline-p.net.cn"],"level":"required","service":"core","severity":"warning","source":["W24","MSOID","CN"],"reason":"points client applications to the authentication endpoint of 21Vianet; without it they authenticate through a default endpoint in the United States, which is slower, and with a wrong target they cannot authenticate at all"},{"id":"mx","type":"MX","host":"@","values":["{mx-token}.mail.protection.partner.outlook.cn"],"level":"required","service":"exchange","severity":"error","source":["CN"],"reason":"delivers the domain\'s incoming mail to Exchange Online operated by 21Vianet"},{"id":"spf","type":"TXT","host":"@","values":["v=spf1 include:spf.protection.partner.outlook.cn -all"],"level":"required","service":"exchange","severity":"error","source":["CN","ANY","SPF"],"reason":"lets receiving mail systems accept mail that Exchange Online sends for the domain; there may be only one SPF record, costing at most 10 DNS lookups"},{"id":"autodiscover","type":"CNAME","host":"autodiscover","values":["autodiscover.partner.outlook.cn"],"level":"required","service":"exchange","severity":"error","source":["CN","ANY"],"reason":"lets Outlook and other mail clients find Exchange Online and set themselves up"},{"id":"autodiscover-srv","type":"SRV","host":"_autodiscover._tcp","values":[],"level":"forbidden","service":"exchange","severity":"warning","source":["CN"],"reason":"Microsoft 365 finds Exchange Online through the autodiscover CNAME and lists no such SRV record; Outlook falls back to it when the CNAME lookup fails and then connects to whatever host it names, usually an earlier mail system"},{"id":"sipfederationtls","type":"SRV","host":"_sipfederationtls._tcp","values":["sipfed.online.partner.lync.cn"],"srv":{"priority":100,"weight":1,"port":5061},"level":"required","service":"teams","severity":"warning","source":["CN","ANY"],"reason":"lets users of other organisations find the domain for federation (chat and presence with external users)"},{"id":"sip-tls","type":"SRV","host":"_sip._tls","values":["sipdir.online.partner.lync.cn"],"srv":{"priority":100,"weight":1,"port":443},"level":"required","service":"teams","severity":"warning","source":["CN","ANY"],"reason":"lets clients of the domain\'s users find the online sign-in service; 21Vianet still lists it among the required records"},{"id":"sip","type":"CNAME","host":"sip","values":["sipdir.online.partner.lync.cn"],"level":"required","service":"teams","severity":"warning","source":["CN","ANY"],"reason":"lets clients of the domain\'s users find the online sign-in service; 21Vianet still lists it among the required records"},{"id":"lyncdiscover","type":"CNAME","host":"lyncdiscover","values":["webdir.online.partner.lync.cn"],"level":"required","service":"teams","severity":"warning","source":["CN","ANY"],"reason":"lets clients of the domain\'s users discover the online service; 21Vianet still lists it among the required records"}]},"usgovdod":{"title":"US Government DoD","spfInclude":"spf.protection.office365.us","records":[{"id":"msoid","type":"CNAME","host":"msoid","values":[],"level":"forbidden","service":"core","severity":"error","source":["DOD"],"reason":"the record does not work with Microsoft 365 Apps for enterprise and stops their activation from succeeding"},{"id":"mx","type":"MX","host":"@","values":["{initial-domain}.mail.protection.office365.us"],"level":"required","service":"exchange","severity":"error","source":["DOD"],"reason":"delivers the domain\'s incoming mail to Exchange Online; the target starts with the tenant name, the first label of its initial onmicrosoft.us domain"},{"id":"spf","type":"TXT","host":"@","values":["v=spf1 include:spf.protection.office365.us -all"],"level":"required","service":"exchange","severity":"error","source":["DOD","SPF"],"reason":"lets receiving mail systems accept mail that Exchange Online sends for the domain; there may be only one SPF record, costing at most 10 DNS lookups"},{"id":"autodiscover","type":"CNAME","host":"autodiscover","values":["autodiscover-dod.office365.us"],"level":"required","service":"exchange","severity":"error","source":["DOD"],"reason":"lets Outlook and other mail clients find Exchange Online and set themselves up"},{"id":"autodiscover-srv","type":"SRV","host":"_autodiscover._tcp","values":[],"level":"forbidden","service":"exchange","severity":"warning","source":["DOD"],"reason":"Microsoft 365 finds Exchange Online through the autodiscover CNAME and lists no such SRV record; Outlook falls back to it when the CNAME lookup fails and then connects to whatever host it names, usually an earlier mail system"},{"id":"sipfederationtls","type":"SRV","host":"_sipfederationtls._tcp","values":["sipfed.online.dod.skypeforbusiness.us"],"srv":{"priority":100,"weight":1,"port":5061},"level":"required","service":"teams","severity":"warning","source":["DOD"],"reason":"lets users of other organisations find the domain for Teams federation (chat and presence with external users)"}]},"usgovgcchigh":{"title":"US Government GCC High","spfInclude":"spf.protection.office365.us","records":[{"id":"msoid","type":"CNAME","host":"msoid","values":[],"level":"forbidden","service":"core","severity":"error","source":["GCCH"],"reason":"the record does not work with Microsoft 365 Apps for enterprise and stops their activation from succeeding"},{"id":"mx","type":"MX","host":"@","values":["{initial-domain}.mail.protection.office365.us"],"level":"required","service":"exchange","severity":"error","source":["GCCH"],"reason":"delivers the domain\'s incoming mail to Exchange Online; the target starts with the tenant name, the first label of its initial onmicrosoft.us domain"},{"id":"spf","type":"TXT","host":"@","values":["v=spf1 include:spf.protection.office365.us -all"],"level":"required","service":"exchange","severity":"error","source":["GCCH","SPF"],"reason":"lets receiving mail systems accept mail that Exchange Online sends for the domain; there may be only one SPF record, costing at most 10 DNS lookups"},{"id":"autodiscover","type":"CNAME","host":"autodiscover","values":["autodiscover.office365.us"],"level":"required","service":"exchange","severity":"error","source":["GCCH"],"reason":"lets Outlook and other mail clients find Exchange Online and set themselves up"},{"id":"autodiscover-srv","type":"SRV","host":"_autodiscover._tcp","values":[],"level":"forbidden","service":"exchange","severity":"warning","source":["GCCH"],"reason":"Microsoft 365 finds Exchange Online through the autodiscover CNAME and lists no such SRV record; Outlook falls back to it when the CNAME lookup fails and then connects to whatever host it names, usually an earlier mail system"},{"id":"sipfederationtls","type":"SRV","host":"_sipfederationtls._tcp","values":["sipfed.online.gov.skypeforbusiness.us"],"srv":{"priority":100,"weight":1,"port":5061},"level":"required","service":"teams","severity":"warning","source":["GCCH"],"reason":"lets users of other organisations find the domain for Teams federation (chat and presence with external users)"}]}}}');
;// CONCATENATED MODULE: ./src/dns/requirements.ts

/**
 * The JSON's inferred type is wider than {@link DnsRequirementsData} (plain strings for enums);
 * the schema test vouches for the narrower one.
 */
const DNS_REQUIREMENTS = dns_requirements_namespaceObject;
function cloudDnsRequirements(instance) {
    return DNS_REQUIREMENTS.clouds[instance];
}
const TOKEN = /\{(mx-token|domain-dashes|initial-domain)\}/g;
/** What one `*` or unresolved token may stand for: characters of one label. */
const LABEL_CHARS = '[a-z0-9_-]+';
/** `contoso.com.` → `contoso-com`, the form DKIM targets give the domain. */
function domainDashes(domain) {
    return stripDot(domain).toLowerCase().replaceAll('.', '-');
}
/** `contoso`, `contoso.onmicrosoft.com` or `contoso.onmicrosoft.us.` → `contoso`. */
function initialDomainLabel(initialDomain) {
    const trimmed = stripDot(initialDomain.trim()).toLowerCase();
    const dot = trimmed.indexOf('.');
    return dot < 0 ? trimmed : trimmed.slice(0, dot);
}
function stripDot(name) {
    return name.endsWith('.') ? name.slice(0, -1) : name;
}
/**
 * A host-name value pattern with the tokens of one domain filled in. Matching ignores case and a
 * trailing dot; `*` and any unresolved token match the characters of one label.
 */
class ValuePattern {
    #regex;
    /** The pattern with the known tokens filled in; unknown ones stay as `{token}`. */
    text;
    /** Tokens the pattern uses that have no value. */
    unresolved;
    constructor(pattern, tokens) {
        const unresolved = [];
        let source = '^';
        let text = '';
        let last = 0;
        for (const m of pattern.matchAll(TOKEN)) {
            const literal = pattern.slice(last, m.index);
            source += literalSource(literal);
            text += literal;
            const token = m[1];
            const value = tokens[token];
            if (value === undefined || value === '') {
                source += LABEL_CHARS;
                text += m[0];
                if (!unresolved.includes(token))
                    unresolved.push(token);
            }
            else {
                source += escapeRegex(value.toLowerCase());
                text += value.toLowerCase();
            }
            last = m.index + m[0].length;
        }
        const tail = pattern.slice(last);
        source += `${literalSource(tail)}$`;
        text += tail;
        this.#regex = new RegExp(source);
        this.text = text;
        this.unresolved = unresolved;
    }
    matches(name) {
        return this.#regex.test(stripDot(name).toLowerCase());
    }
}
function literalSource(literal) {
    return literal
        .split('*')
        .map((part) => escapeRegex(part.toLowerCase()))
        .join(LABEL_CHARS);
}
function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** How to find the value of a token that is not configured. */
const TOKEN_HELP = {
    'mx-token': "the domain's MX token shown in the Microsoft 365 admin center",
    'domain-dashes': 'the domain with its dots written as dashes',
    'initial-domain': "the first label of the tenant's initial onmicrosoft domain",
};

;// CONCATENATED MODULE: ./src/dns/spf.ts


const VERSION = 'v=spf1';
/** The text of a TXT record: its strings joined without separator, as RFC 7208 §3.3 says. */
function txtText(strings) {
    return strings.join('');
}
/** True when the TXT text is an SPF record (starts with `v=spf1` followed by a space or nothing). */
function isSpf(text) {
    if (text.length < VERSION.length)
        return false;
    if (text.slice(0, VERSION.length).toLowerCase() !== VERSION)
        return false;
    return text.length === VERSION.length || text[VERSION.length] === ' ';
}
const MECHANISMS = new Set([
    'all',
    'include',
    'a',
    'mx',
    'ptr',
    'ip4',
    'ip6',
    'exists',
]);
/** Mechanisms that must name a domain. */
const NEEDS_VALUE = new Set(['include', 'exists', 'ip4', 'ip6']);
/** Mechanisms that may carry CIDR lengths (`/24`, `//64`); ip4 and ip6 have their own. */
const DUAL_CIDR = new Set(['a', 'mx']);
const MODIFIER_NAME = /^[a-z][a-z0-9_.-]*$/i;
/** Characters a domain-spec may hold: letters, digits, `-_.`, and macros such as `%{i}`. */
const DOMAIN_SPEC = /^(?:[a-z0-9_.-]|%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\}|%%|%_|%-)+$/i;
/** Reads an SPF record. The first problem found is the error, so each message names one term. */
function parseSpf(text) {
    if (!isSpf(text))
        return fail(`"${text}" does not start with "v=spf1"`);
    const words = text
        .slice(VERSION.length)
        .split(' ')
        .filter((w) => w !== '');
    const terms = [];
    const includes = [];
    const afterAll = [];
    let all;
    let redirect;
    let exp = false;
    for (const word of words) {
        const term = parseTerm(word);
        if (!term.ok)
            return term;
        const t = term.value;
        if (all !== undefined)
            afterAll.push(t);
        if (t.kind === 'modifier') {
            const name = t.name.toLowerCase();
            if (name === 'redirect') {
                if (redirect !== undefined)
                    return fail(`"${word}" repeats the redirect modifier`);
                redirect = t.value.toLowerCase();
            }
            else if (name === 'exp') {
                if (exp)
                    return fail(`"${word}" repeats the exp modifier`);
                exp = true;
            }
        }
        else if (t.name === 'all') {
            if (all === undefined)
                all = t.qualifier;
        }
        else if (t.name === 'include' && t.value !== undefined) {
            includes.push(t.value.toLowerCase());
        }
        terms.push(t);
    }
    return ok({ text, terms, all, afterAll, redirect, includes });
}
function parseTerm(word) {
    const eq = word.indexOf('=');
    const colon = word.indexOf(':');
    // A modifier is `name=value` with the `=` before any `:` or `/`.
    if (eq > 0 && (colon < 0 || eq < colon) && MODIFIER_NAME.test(word.slice(0, eq))) {
        const value = word.slice(eq + 1);
        const name = word.slice(0, eq);
        const lower = name.toLowerCase();
        if ((lower === 'redirect' || lower === 'exp') && !DOMAIN_SPEC.test(value)) {
            return fail(`"${word}" needs a domain after "="`);
        }
        return ok({ kind: 'modifier', name, value, text: word });
    }
    let rest = word;
    let qualifier = '+';
    const first = rest[0];
    if (first === '+' || first === '-' || first === '~' || first === '?') {
        qualifier = first;
        rest = rest.slice(1);
    }
    const sep = rest.search(/[:/]/);
    const name = (sep < 0 ? rest : rest.slice(0, sep)).toLowerCase();
    if (!MECHANISMS.has(name))
        return fail(`"${word}" is not an SPF mechanism or modifier`);
    const arg = sep < 0 ? '' : rest.slice(sep);
    if (name === 'all') {
        if (arg !== '')
            return fail(`"${word}": the all mechanism takes no value`);
        return ok({ kind: 'mechanism', qualifier, name, text: word });
    }
    if (arg === '' || arg[0] === '/') {
        if (NEEDS_VALUE.has(name))
            return fail(`"${word}" needs a value after "${name}:"`);
        if (arg !== '' && (!DUAL_CIDR.has(name) || !validCidrLengths(arg))) {
            return fail(`"${word}" has an invalid prefix length`);
        }
        return ok({ kind: 'mechanism', qualifier, name: name, text: word });
    }
    const value = arg.slice(1);
    if (value === '')
        return fail(`"${word}" needs a value after "${name}:"`);
    if (name === 'ip4' || name === 'ip6') {
        const block = parseIpBlock(value);
        const family = name === 'ip4' ? 4 : 6;
        if (!block.ok || value.includes('-') || block.value.family !== family) {
            return fail(`"${word}" needs an IPv${family} address or network after "${name}:"`);
        }
        return ok({ kind: 'mechanism', qualifier, name, value, text: word });
    }
    // a, mx, ptr, include, exists: a domain, `a` and `mx` optionally followed by CIDR lengths.
    let domain = value;
    let lengths = '';
    if (DUAL_CIDR.has(name)) {
        const slash = value.indexOf('/');
        if (slash >= 0) {
            domain = value.slice(0, slash);
            lengths = value.slice(slash);
        }
    }
    if (domain === '' || !DOMAIN_SPEC.test(domain)) {
        return fail(`"${word}" needs a domain after "${name}:"`);
    }
    if (lengths !== '' && !validCidrLengths(lengths)) {
        return fail(`"${word}" has an invalid prefix length`);
    }
    return ok({
        kind: 'mechanism',
        qualifier,
        name: name,
        value: domain,
        text: word,
    });
}
/** `/24`, `//64` or `/24//64`, within the lengths of each family. */
function validCidrLengths(text) {
    const m = /^(?:\/(\d{1,2}))?(?:\/\/(\d{1,3}))?$/.exec(text);
    if (!m || (m[1] === undefined && m[2] === undefined))
        return false;
    if (m[1] !== undefined && (Number(m[1]) > 32 || /^0\d/.test(m[1])))
        return false;
    if (m[2] !== undefined && (Number(m[2]) > 128 || /^0\d/.test(m[2])))
        return false;
    return true;
}
/** The limit of RFC 7208 §4.6.4 on terms that cause DNS lookups. */
const SPF_LOOKUP_LIMIT = 10;
/**
 * Counts the terms that cause DNS lookups (`include`, `a`, `mx`, `ptr`, `exists`, `redirect`),
 * following includes and the redirect into the records `resolve` knows. `redirect` is ignored
 * when the record has an `all` mechanism, as RFC 7208 §6.1 says. Each domain is expanded once
 * per path, so a loop ends instead of recursing.
 */
function countSpfLookups(record, resolve) {
    const unknown = [];
    const uncounted = [];
    const loops = [];
    const path = new Set();
    const memo = new Map();
    const costOf = (domain) => {
        const cached = memo.get(domain);
        if (cached !== undefined)
            return cached;
        if (path.has(domain)) {
            if (!loops.includes(domain))
                loops.push(domain);
            return 0;
        }
        const target = resolve(domain);
        let cost = 0;
        if (target.kind === 'record') {
            path.add(domain);
            cost = walk(target.record);
            path.delete(domain);
        }
        else if (target.kind === 'known') {
            if (target.nestedLookups === null) {
                if (!uncounted.includes(domain))
                    uncounted.push(domain);
            }
            else
                cost = target.nestedLookups;
        }
        else if (!unknown.includes(domain))
            unknown.push(domain);
        memo.set(domain, cost);
        return cost;
    };
    const walk = (r) => {
        let n = 0;
        for (const t of r.terms) {
            if (t.kind !== 'mechanism')
                continue;
            if (t.name === 'include') {
                n += 1 + (t.value === undefined ? 0 : costOf(t.value.toLowerCase()));
            }
            else if (t.name === 'a' || t.name === 'mx' || t.name === 'ptr' || t.name === 'exists') {
                n += 1;
            }
        }
        if (r.redirect !== undefined && r.all === undefined)
            n += 1 + costOf(r.redirect);
        return n;
    };
    const lookups = walk(record);
    return {
        lookups,
        exact: unknown.length === 0 && uncounted.length === 0,
        unknown,
        uncounted,
        loops,
    };
}
/**
 * The record with `include:<domain>` added: in place of the include of `replacing` when the
 * record has one (another cloud's include), else before the first `all` (so it is evaluated),
 * else after the last mechanism.
 */
function withInclude(record, domain, replacing) {
    const words = record.terms.map((t) => t.text);
    const old = replacing === undefined
        ? -1
        : record.terms.findIndex((t) => t.kind === 'mechanism' && t.name === 'include' && t.value?.toLowerCase() === replacing);
    if (old >= 0) {
        const qualifier = words[old].startsWith('include') ? '' : words[old][0];
        words[old] = `${qualifier}include:${domain}`;
        return [VERSION, ...words].join(' ');
    }
    const allAt = record.terms.findIndex((t) => t.kind === 'mechanism' && t.name === 'all');
    let at = allAt;
    if (at < 0) {
        at = 0;
        record.terms.forEach((t, i) => {
            if (t.kind === 'mechanism')
                at = i + 1;
        });
    }
    words.splice(at, 0, `include:${domain}`);
    return [VERSION, ...words].join(' ');
}
/**
 * One record holding the mechanisms of several (each once, in order of appearance), ending with
 * the `all` of the first record that has one; modifiers are kept from the first record only.
 */
function mergeSpf(records) {
    const seen = new Set();
    const words = [];
    let all;
    for (const [i, r] of records.entries()) {
        for (const t of r.terms) {
            if (t.kind === 'mechanism' && t.name === 'all') {
                all ??= t.text;
                continue;
            }
            if (t.kind === 'modifier' && i > 0)
                continue;
            const key = t.text.toLowerCase();
            if (seen.has(key))
                continue;
            seen.add(key);
            words.push(t.text);
        }
    }
    if (all !== undefined)
        words.push(all);
    return [VERSION, ...words].join(' ');
}

;// CONCATENATED MODULE: ./src/dns/check.ts






/** Services of a domain that the configuration does not describe. */
const DEFAULT_SERVICES = ['exchange', 'teams'];
/** TTL of suggested records: the one every Microsoft record table gives. */
const SUGGESTED_TTL = 3600;
/**
 * Checks the DNS records of the files against what the Microsoft 365 cloud requires of each
 * domain. Domains are the files' zones, the names whose MX points to Exchange Online, and the
 * configured domains (which add domains or override their services and known values). Problems
 * the parsers found are not repeated here.
 */
function checkDns(instance, files, domains) {
    return new DnsCheck(instance, files).run(domains);
}
class DnsCheck {
    #instance;
    #cloud;
    #inputs;
    #recs = [];
    #byName = new Map();
    #unserved = new Set();
    /** Owner names where a Microsoft SRV record belongs but was written at the domain itself. */
    #misplaced = new Set();
    /** Records whose relative target a requirement check already explained. */
    #explained = new Set();
    #findings = [];
    /** Every cloud's MX patterns with no tokens filled in: what makes a name a Microsoft 365 mail domain. */
    #anyMx;
    constructor(instance, inputs) {
        this.#instance = instance;
        this.#cloud = cloudDnsRequirements(instance);
        this.#inputs = inputs;
        for (const input of inputs) {
            for (const record of input.file.records) {
                const rec = { record, input };
                this.#recs.push(rec);
                const list = this.#byName.get(record.name);
                if (list)
                    list.push(rec);
                else
                    this.#byName.set(record.name, [rec]);
            }
        }
        this.#anyMx = INSTANCES.flatMap((i) => cloudDnsRequirements(i)
            .records.filter((r) => r.id === 'mx')
            .flatMap((r) => r.values.map((v) => valuePattern(v, {}))));
    }
    run(configured) {
        this.#delegations();
        this.#conflictsAndDuplicates();
        const domains = this.#domains(configured);
        this.#misplacedSrv();
        for (const domain of domains.values())
            this.#checkDomain(domain);
        this.#scanForbiddenAndLegacy();
        this.#checkSpf(domains);
        this.#relativeTargets();
        return sortFindings(this.#findings);
    }
    // ── zone structure ───────────────────────────────────────────────────────
    /** Records at or below an NS cut of their own zone are served by the delegated zone, not this one. */
    #delegations() {
        /** zone → cut name → its NS records */
        const cuts = new Map();
        for (const rec of this.#recs) {
            const r = rec.record;
            if (r.type !== 'NS' || r.name === r.zone || !r.name.endsWith(`.${r.zone}`))
                continue;
            let zone = cuts.get(r.zone);
            if (!zone)
                cuts.set(r.zone, (zone = new Map()));
            const list = zone.get(r.name);
            if (list)
                list.push(rec);
            else
                zone.set(r.name, [rec]);
        }
        if (cuts.size === 0)
            return;
        for (const rec of this.#recs) {
            const r = rec.record;
            const zoneCuts = cuts.get(r.zone);
            if (!zoneCuts || r.name === r.zone || !r.name.endsWith(`.${r.zone}`))
                continue;
            // Walk from the zone down to the owner, so the highest cut is the one reported.
            const end = r.name.length - r.zone.length - 1;
            let at = end;
            for (;;) {
                const dot = at === 0 ? -1 : r.name.lastIndexOf('.', at - 1);
                const cut = r.name.slice(dot + 1);
                const ns = zoneCuts.get(cut);
                if (ns) {
                    this.#belowCut(rec, cut, ns);
                    break;
                }
                if (dot < 0)
                    break;
                at = dot;
            }
        }
    }
    #belowCut(rec, cut, ns) {
        const r = rec.record;
        const atCut = r.name === cut;
        const glue = (r.type === 'A' || r.type === 'AAAA') &&
            ns.some((n) => n.record.parsed.type === 'NS' && n.record.parsed.target === r.name);
        if ((atCut && (r.type === 'NS' || r.type === 'DS')) || glue)
            return;
        this.#unserved.add(rec);
        const first = ns[0];
        this.#add('dns-not-served', RULES['dns-not-served'].severity, r.location, {
            message: `${check_describe(r)} is not served: ${cut} is delegated to ${ns
                .map((n) => check_quote(n.record.data))
                .join(', ')} (NS at ${check_where(first.record.location, r.location)}), so resolvers ask those servers and never see this record; put it in the delegated zone`,
            entry: entryOf(r),
        });
    }
    /** Duplicates and CNAME conflicts, within one zone: sub-zones kept in one export are separate zones. */
    #conflictsAndDuplicates() {
        for (const [name, all] of this.#byName) {
            const zones = new Map();
            for (const rec of all) {
                const list = zones.get(rec.record.zone);
                if (list)
                    list.push(rec);
                else
                    zones.set(rec.record.zone, [rec]);
            }
            for (const recs of zones.values())
                this.#conflictsAt(name, recs);
        }
    }
    #conflictsAt(name, recs) {
        const seen = new Map();
        for (const rec of recs) {
            const r = rec.record;
            const key = `${r.type} ${r.type === 'TXT' ? r.data : r.data.toLowerCase()}`;
            const first = seen.get(key);
            if (first) {
                this.#add('dns-duplicate-record', RULES['dns-duplicate-record'].severity, r.location, {
                    message: `${check_describe(r)} ${r.type === 'TXT' ? r.data : check_quote(r.data)} repeats the record at ${check_where(first.record.location, r.location)}`,
                    entry: entryOf(r),
                });
            }
            else
                seen.set(key, rec);
        }
        const served = recs.filter((r) => !this.#unserved.has(r));
        const cnames = [...seen.values()].filter((r) => r.record.type === 'CNAME' && !this.#unserved.has(r));
        for (const c of cnames) {
            const others = served.filter((o) => o.record.type !== 'CNAME' && !DNSSEC_TYPES.has(o.record.type));
            const otherCnames = cnames.filter((o) => o !== c);
            if (others.length === 0 && otherCnames.length === 0)
                continue;
            const parts = [
                ...otherCnames.map((o) => `another CNAME at ${check_where(o.record.location, c.record.location)}`),
                ...others.map((o) => `${o.record.type} at ${check_where(o.record.location, c.record.location)}`),
            ];
            this.#add('dns-cname-conflict', RULES['dns-cname-conflict'].severity, c.record.location, {
                message: `${name} has a CNAME and also ${check_listSome(parts)}: a name with a CNAME can have no other record`,
                entry: entryOf(c.record),
            });
        }
    }
    // ── domains ──────────────────────────────────────────────────────────────
    #domains(configured) {
        const domains = new Map();
        const add = (name, input) => {
            if (!domains.has(name))
                domains.set(name, this.#domain(name, input, undefined));
        };
        for (const input of this.#inputs) {
            const zones = new Set(input.file.zones.map(absolute));
            for (const zone of zones) {
                // A zone inside another zone of the same file (a sub-zone of one export, a second
                // $ORIGIN) counts only once it shows Microsoft 365 use: an export of a parent with
                // a hundred web-only sub-zones is about the parent.
                if (!parentsOf(zone).some((z) => zones.has(z)))
                    add(zone, input);
            }
        }
        for (const rec of this.#recs) {
            if (rec.record.parsed.type !== 'MX' || this.#unserved.has(rec))
                continue;
            const target = rec.record.parsed.exchange;
            if (this.#anyMx.some((p) => p.matches(target)))
                add(rec.record.name, rec.input);
        }
        for (const config of configured) {
            const name = absolute(config.domain);
            const known = domains.get(name);
            const input = known?.input ?? this.#fileFor(name);
            if (!input) {
                const file = this.#inputs[0]?.file.path;
                if (file !== undefined) {
                    this.#add('dns-domain-not-found', RULES['dns-domain-not-found'].severity, { file, line: 0, column: 0 }, {
                        message: `the configured domain ${check_quote(stripDot(name))} is in no zone of the DNS files, so its records cannot be checked`,
                    });
                }
                continue;
            }
            domains.set(name, this.#domain(name, input, config));
        }
        return domains;
    }
    #domain(name, input, config) {
        const dkim = {};
        if (config?.dkim?.selector1)
            dkim['dkim-selector1'] = stripDot(config.dkim.selector1);
        if (config?.dkim?.selector2)
            dkim['dkim-selector2'] = stripDot(config.dkim.selector2);
        return {
            name,
            services: new Set(config ? config.services : DEFAULT_SERVICES),
            tokens: {
                'domain-dashes': domainDashes(name),
                'mx-token': config?.mxToken?.trim() || undefined,
                'initial-domain': config?.initialDomain
                    ? initialDomainLabel(config.initialDomain)
                    : undefined,
            },
            dkim,
            input,
        };
    }
    /** The file whose zone holds the name most closely. */
    #fileFor(name) {
        let best;
        let bestLength = -1;
        for (const input of this.#inputs) {
            for (const z of input.file.zones.map(absolute)) {
                if ((name === z || name.endsWith(`.${z}`)) && z.length > bestLength) {
                    best = input;
                    bestLength = z.length;
                }
            }
        }
        return best;
    }
    // ── per-domain requirements ──────────────────────────────────────────────
    #checkDomain(domain) {
        for (const req of this.#cloud.records) {
            if (req.service !== 'core' && !domain.services.has(req.service))
                continue;
            if (req.level === 'forbidden' && req.service !== 'core')
                this.#forbiddenAt(domain, req);
            if (req.level !== 'required')
                continue;
            if (req.type === 'MX')
                this.#checkMx(domain, req);
            else if (req.type === 'CNAME' || req.type === 'SRV')
                this.#checkTarget(domain, req);
            // TXT: the SPF record is checked with every other SPF record (#checkSpf).
        }
    }
    #patterns(domain, req) {
        const exact = domain.dkim[req.id];
        const values = exact !== undefined ? [exact] : req.values;
        return values.map((v) => valuePattern(v, domain.tokens));
    }
    #checkMx(domain, req) {
        const patterns = this.#patterns(domain, req);
        const mx = this.#served(domain.name).filter((r) => r.record.parsed.type === 'MX');
        const ours = [];
        const others = [];
        let relative = 0;
        for (const rec of mx) {
            const target = targetOf(rec.record);
            if (patterns.some((p) => p.matches(target))) {
                ours.push(rec);
                continue;
            }
            if (this.#relativeMatch(rec, patterns)) {
                relative++;
                continue;
            }
            const cloud = this.#otherCloud(req, target);
            if (cloud !== undefined) {
                this.#wrongTarget(rec, req, patterns, `the ${engine_CLOUD_NAMES[cloud]} cloud's MX`);
                ours.push(rec);
                continue;
            }
            if (patterns.some((p) => p.unresolved.length === 0) &&
                this.#anyMx.some((p) => p.matches(target))) {
                // The MX token or tenant is configured and this Microsoft 365 MX has another one.
                const tenant = req.values.some((v) => v.includes('{initial-domain}'));
                this.#wrongTarget(rec, req, patterns, tenant ? "another tenant's MX" : 'an MX with another token');
                ours.push(rec);
                continue;
            }
            others.push(rec);
        }
        if (ours.length === 0) {
            if (relative > 0)
                return;
            const existing = others.length === 0
                ? ''
                : ` pointing to Exchange Online (its MX records point to ${check_listSome(others.map((o) => check_quote(targetOf(o.record))))})`;
            this.#missing(domain, req, domain.name, `0 ${patterns[0].text}.`, {
                lead: `${domain.name} has no MX record${existing}`,
                anchorType: 'MX',
            });
            return;
        }
        const best = ours.reduce((a, b) => (mxPreference(b.record) < mxPreference(a.record) ? b : a));
        for (const o of others) {
            this.#add('dns-multiple-mx', RULES['dns-multiple-mx'].severity, o.record.location, {
                message: `${domain.name} MX ${check_quote(o.record.data)} sends mail to another system besides Exchange Online: senders use it whenever Exchange Online does not answer, and spammers use it to get past Exchange Online; remove it once all mail goes to Microsoft 365`,
                entry: entryOf(o.record),
            });
        }
        const rival = others.reduce((a, b) => (a === undefined || mxPreference(b.record) < mxPreference(a.record) ? b : a), undefined);
        if (rival && mxPreference(rival.record) <= mxPreference(best.record)) {
            const p = mxPreference(best.record);
            const q = mxPreference(rival.record);
            this.#add('dns-mx-preference', RULES['dns-mx-preference'].severity, best.record.location, {
                message: `${domain.name} MX ${check_quote(best.record.data)} has preference ${p}, but ${check_quote(rival.record.data)} at ${check_where(rival.record.location, best.record.location)} has ${q}: mail goes ${q === p ? 'to either system at random' : 'to the other system first'}; give the Microsoft 365 MX the lowest number`,
                entry: entryOf(best.record),
            });
        }
    }
    /** CNAME and SRV requirements: the record exists, with the type and target (and SRV fields) asked for. */
    #checkTarget(domain, req) {
        const name = check_ownerName(req.host, domain.name);
        const patterns = this.#patterns(domain, req);
        const recs = this.#served(name);
        const ofType = recs.filter((r) => r.record.type === req.type);
        if (ofType.length === 0) {
            const other = recs.find((r) => !DNSSEC_TYPES.has(r.record.type));
            if (!other) {
                if (this.#misplaced.has(name))
                    return;
                this.#missing(domain, req, name, this.#data(req, patterns, undefined), {
                    lead: `${name} ${req.type} is missing`,
                    anchorType: req.type,
                });
                return;
            }
            const r = other.record;
            const data = this.#data(req, patterns, undefined);
            const record = other.input.render({ name, type: req.type, ...check_ttlOf(r), data }, r.zone);
            this.#add('dns-wrong-value', RULES['dns-wrong-value'].severity, r.location, {
                message: `${name} is ${check_article(r.type)} ${r.type} record, but Microsoft 365 needs ${check_article(req.type)} ${req.type} record there: ${req.reason}; write: ${record}${placeholderNote(patterns[0])}`,
                entry: entryOf(r),
            });
            return;
        }
        const verdicts = ofType.map((rec) => ({
            rec,
            problems: this.#targetProblems(rec, req, patterns),
        }));
        if (verdicts.some((v) => v.problems === undefined))
            return;
        for (const { rec, problems } of verdicts) {
            if (!problems)
                continue;
            const r = rec.record;
            const fixed = this.#data(req, patterns, r);
            this.#add('dns-wrong-value', problems.severity, r.location, {
                message: `${check_describe(r)} ${problems.text}: ${req.reason}; write: ${rec.input.render({ name: r.name, type: r.type, ...check_ttlOf(r), data: fixed }, r.zone)}${placeholderNote(patterns[0])}`,
                entry: entryOf(r),
            });
        }
    }
    /** What is wrong with a CNAME or SRV record, or undefined when it is right. */
    #targetProblems(rec, req, patterns) {
        const r = rec.record;
        const target = targetOf(r);
        const parts = [];
        let severity = 'warning';
        if (target === undefined) {
            return { text: `has data ${check_quote(r.data)} that cannot be read`, severity: 'error' };
        }
        if (!patterns.some((p) => p.matches(target))) {
            severity = 'error';
            const written = writtenTarget(r);
            if (written !== undefined && patterns.some((p) => p.matches(written))) {
                this.#explained.add(rec);
                parts.push(`target ${check_quote(written)} has no trailing dot, so it expands inside the zone to ${check_quote(target)}`);
            }
            else {
                const cloud = this.#otherCloud(req, target);
                parts.push(`points to ${check_quote(target)}${cloud ? `, the ${engine_CLOUD_NAMES[cloud]} cloud's target,` : ''} instead of ${alternatives(patterns.map((p) => check_quote(`${p.text}.`)))}`);
            }
        }
        if (req.srv && r.parsed.type === 'SRV') {
            const s = r.parsed;
            if (s.port !== req.srv.port) {
                severity = 'error';
                parts.push(`uses port ${s.port} instead of ${req.srv.port}`);
            }
            if (s.priority !== req.srv.priority || s.weight !== req.srv.weight) {
                parts.push(`has priority ${s.priority} and weight ${s.weight} instead of ${req.srv.priority} and ${req.srv.weight}`);
            }
        }
        if (parts.length === 0)
            return undefined;
        return { text: parts.join(', and '), severity };
    }
    /** The data of the record Microsoft 365 asks for, keeping what the existing record says where it may. */
    #data(req, patterns, existing) {
        const target = `${patterns[0].text}.`;
        if (req.type === 'SRV' && req.srv) {
            return `${req.srv.priority} ${req.srv.weight} ${req.srv.port} ${target}`;
        }
        if (req.type === 'MX') {
            return `${existing ? mxPreference(existing) : 0} ${target}`;
        }
        return target;
    }
    #wrongTarget(rec, req, patterns, what) {
        const r = rec.record;
        const fixed = this.#data(req, patterns, r);
        this.#add('dns-wrong-value', RULES['dns-wrong-value'].severity, r.location, {
            message: `${check_describe(r)} points to ${check_quote(targetOf(r))}, ${what}, instead of ${check_quote(`${patterns[0].text}.`)}: ${req.reason}; write: ${rec.input.render({ name: r.name, type: r.type, ...check_ttlOf(r), data: fixed }, r.zone)}${placeholderNote(patterns[0])}`,
            entry: entryOf(r),
        });
    }
    /** A relative target that would match once written with its dot: reported as such. */
    #relativeMatch(rec, patterns) {
        const written = writtenTarget(rec.record);
        if (written === undefined || !patterns.some((p) => p.matches(written)))
            return false;
        const r = rec.record;
        this.#explained.add(rec);
        this.#add('dns-wrong-value', RULES['dns-wrong-value'].severity, r.location, {
            message: `${check_describe(r)} target ${check_quote(written)} has no trailing dot, so it expands inside the zone to ${check_quote(targetOf(r))}; write: ${rec.input.render({ name: r.name, type: r.type, ...check_ttlOf(r), data: withTarget(r, `${written}.`) }, r.zone)}`,
            entry: entryOf(r),
        });
        return true;
    }
    /** The cloud, other than this one, whose value for the same record the target matches. */
    #otherCloud(req, target) {
        for (const instance of INSTANCES) {
            if (instance === this.#instance)
                continue;
            const other = cloudDnsRequirements(instance).records.find((r) => r.id === req.id);
            if (!other || other.values.length === 0)
                continue;
            const mine = req.values.map((v) => valuePattern(v, {}));
            if (mine.some((p) => p.matches(target)))
                continue;
            if (other.values.some((v) => valuePattern(v, {}).matches(target)))
                return instance;
        }
        return undefined;
    }
    #missing(domain, req, name, data, how) {
        const anchor = this.#anchor(domain, name, how.anchorType);
        const type = req.type;
        const record = domain.input.render({ name, type, ttl: SUGGESTED_TTL, data }, anchor.zone);
        const patterns = this.#patterns(domain, req);
        this.#add('dns-missing-record', req.severity, anchor.location, {
            message: `${how.lead}: ${req.reason}; add${anchor.where}: ${record}${placeholderNote(patterns[0])}`,
        });
    }
    /**
     * After the last record of the same name and type in the domain's file, else of the same name,
     * else of the domain itself, else of the zone apex; the file as a whole when it has none.
     */
    #anchor(domain, name, type) {
        const file = domain.input.file;
        const zone = file.zones
            .map(absolute)
            .filter((z) => domain.name === z || domain.name.endsWith(`.${z}`))
            .sort((a, b) => b.length - a.length)[0] ?? domain.name;
        const inFile = (n) => (this.#byName.get(n) ?? []).filter((r) => r.input === domain.input).map((r) => r.record);
        const same = inFile(name);
        const candidates = [
            same.filter((r) => r.type === type),
            same,
            inFile(domain.name),
            inFile(zone),
        ];
        for (const list of candidates) {
            const last = list[list.length - 1];
            if (last) {
                return {
                    location: { ...last.location, column: 1 },
                    zone: last.zone,
                    where: ` after line ${last.location.line}`,
                };
            }
        }
        return { location: { file: file.path, line: 0, column: 0 }, zone, where: ` to ${file.path}` };
    }
    // ── record scans ─────────────────────────────────────────────────────────
    /**
     * Microsoft's SRV records written at the domain itself (a provider form without service and
     * protocol fields, filled in wrong): lookups ask for `_service._proto.<domain>` and never see them.
     */
    #misplacedSrv() {
        const srvs = this.#cloud.records
            .filter((r) => r.type === 'SRV' && r.srv && r.values.length > 0)
            .map((req) => ({ req, patterns: req.values.map((v) => valuePattern(v, {})) }));
        for (const rec of this.#recs) {
            const r = rec.record;
            if (r.parsed.type !== 'SRV' || this.#unserved.has(rec) || r.name.startsWith('_'))
                continue;
            const s = r.parsed;
            for (const { req, patterns } of srvs) {
                if (s.port !== req.srv.port || !patterns.some((p) => p.matches(s.target)))
                    continue;
                const name = check_ownerName(req.host, r.name);
                if (req.level === 'legacy') {
                    this.#add('dns-legacy-record', req.severity, r.location, {
                        message: `${check_describe(r)} ${check_quote(r.data)} is no longer needed (and belongs at ${name}): ${req.reason}; remove it once no client relies on it`,
                        entry: entryOf(r),
                    });
                    continue;
                }
                this.#misplaced.add(name);
                const record = rec.input.render({
                    name,
                    type: 'SRV',
                    ...check_ttlOf(r),
                    data: `${req.srv.priority} ${req.srv.weight} ${req.srv.port} ${s.target}`,
                }, r.zone);
                this.#add('dns-wrong-value', RULES['dns-wrong-value'].severity, r.location, {
                    message: `${check_describe(r)} ${check_quote(r.data)} belongs at ${name}: SRV lookups ask for that name and never see this record; ${req.reason}; write: ${record}`,
                    entry: entryOf(r),
                });
            }
        }
    }
    #forbiddenAt(domain, req) {
        const name = check_ownerName(req.host, domain.name);
        for (const rec of this.#served(name)) {
            if (rec.record.type !== req.type)
                continue;
            this.#forbidden(rec, req);
        }
    }
    #forbidden(rec, req) {
        const r = rec.record;
        this.#add('dns-forbidden-record', req.severity, r.location, {
            message: `${check_describe(r)} must not exist in the ${engine_CLOUD_NAMES[this.#instance]} cloud: ${req.reason}; remove it`,
            entry: entryOf(r),
        });
    }
    /**
     * Forbidden records that harm any domain (msoid outside 21Vianet) and legacy records, found by
     * their name and, for legacy ones, by their Microsoft target, wherever they are.
     */
    #scanForbiddenAndLegacy() {
        const scanned = this.#cloud.records.filter((r) => (r.level === 'forbidden' && r.service === 'core') || r.level === 'legacy');
        if (scanned.length === 0)
            return;
        const patterns = new Map(scanned.map((req) => [req, req.values.map((v) => valuePattern(v, {}))]));
        for (const rec of this.#recs) {
            if (this.#unserved.has(rec))
                continue;
            const r = rec.record;
            for (const req of scanned) {
                if (r.type !== req.type || !r.name.startsWith(`${req.host}.`))
                    continue;
                if (req.level === 'forbidden') {
                    this.#forbidden(rec, req);
                    continue;
                }
                const target = targetOf(r);
                const written = writtenTarget(r);
                const list = patterns.get(req);
                const ours = target !== undefined &&
                    (list.some((p) => p.matches(target)) ||
                        (written !== undefined && list.some((p) => p.matches(written))));
                if (!ours)
                    continue;
                this.#add('dns-legacy-record', req.severity, r.location, {
                    message: `${check_describe(r)} is no longer needed: ${req.reason}; remove it once no client relies on it`,
                    entry: entryOf(r),
                });
            }
        }
    }
    // ── SPF ──────────────────────────────────────────────────────────────────
    #checkSpf(domains) {
        const spfByName = new Map();
        for (const rec of this.#recs) {
            if (this.#unserved.has(rec) || rec.record.parsed.type !== 'TXT')
                continue;
            if (!isSpf(txtText(rec.record.parsed.strings)))
                continue;
            const list = spfByName.get(rec.record.name);
            if (list)
                list.push(rec);
            else
                spfByName.set(rec.record.name, [rec]);
        }
        const microsoft = new Set(Object.keys(DNS_REQUIREMENTS.spfIncludes));
        const include = this.#cloud.spfInclude;
        const resolve = (domain) => {
            const facts = DNS_REQUIREMENTS.spfIncludes[stripDot(domain)];
            if (facts)
                return { kind: 'known', nestedLookups: facts.nestedLookups };
            const list = spfByName.get(absolute(domain));
            if (list?.length === 1) {
                const parsed = parseSpf(txtText(spfStrings(list[0])));
                if (parsed.ok)
                    return { kind: 'record', record: parsed.value };
            }
            return { kind: 'unknown' };
        };
        const names = new Set();
        for (const d of domains.values())
            if (d.services.has('exchange'))
                names.add(d.name);
        for (const [name, recs] of spfByName) {
            if (recs.length > 1)
                this.#spfMultiple(name, recs, domains.get(name));
            else if (names.has(name))
                continue;
            else {
                const parsed = parseSpf(txtText(spfStrings(recs[0])));
                if (parsed.ok && parsed.value.includes.some((i) => microsoft.has(i)))
                    names.add(name);
            }
        }
        for (const name of names) {
            const domain = domains.get(name);
            const recs = spfByName.get(name) ?? [];
            if (recs.length === 0) {
                if (!domain)
                    continue;
                const req = this.#cloud.records.find((r) => r.id === 'spf');
                const record = `v=spf1 include:${include} -all`;
                const anchor = this.#anchor(domain, name, 'TXT');
                const text = domain.input.render({ name, type: 'TXT', ttl: SUGGESTED_TTL, data: quoteTxt(record) }, anchor.zone);
                this.#add('dns-missing-record', req.severity, anchor.location, {
                    message: `${name} has no SPF record: ${req.reason}; add${anchor.where}: ${text}`,
                });
                continue;
            }
            if (recs.length > 1)
                continue;
            const rec = recs[0];
            const r = rec.record;
            const parsed = parseSpf(txtText(spfStrings(rec)));
            if (!parsed.ok) {
                this.#add('dns-spf-invalid', RULES['dns-spf-invalid'].severity, r.location, {
                    message: `${name} SPF record is malformed: ${parsed.error}; receivers fail SPF for all mail of the name`,
                    entry: entryOf(r),
                });
                continue;
            }
            const spf = parsed.value;
            this.#spfInclude(rec, spf, include, microsoft);
            this.#spfAll(rec, spf);
            this.#spfLookups(rec, spf, resolve);
        }
    }
    #spfMultiple(name, recs, domain) {
        const parsed = recs
            .map((r) => parseSpf(txtText(spfStrings(r))))
            .flatMap((p) => (p.ok ? [p.value] : []));
        let merged = mergeSpf(parsed);
        const include = this.#cloud.spfInclude;
        if (domain?.services.has('exchange') && !parsed.some((p) => p.includes.includes(include))) {
            const again = parseSpf(merged);
            if (again.ok)
                merged = withInclude(again.value, include);
        }
        const first = recs[0].record;
        for (const rec of recs.slice(1)) {
            const r = rec.record;
            this.#add('dns-spf-multiple', RULES['dns-spf-multiple'].severity, r.location, {
                message: `${name} has a second SPF record (the first is at ${check_where(first.location, r.location)}): receivers then fail SPF for all mail of the name; merge them into one: ${rec.input.render({ name, type: 'TXT', ...check_ttlOf(first), data: quoteTxt(merged) }, first.zone)}`,
                entry: entryOf(r),
            });
        }
    }
    #spfInclude(rec, spf, include, microsoft) {
        if (spf.includes.includes(include))
            return;
        const r = rec.record;
        const other = spf.includes.find((i) => microsoft.has(i));
        const otherClouds = other ? DNS_REQUIREMENTS.spfIncludes[other]?.clouds : undefined;
        const whose = other && otherClouds
            ? ` (it includes ${check_quote(other)}, which is for ${otherClouds.map((c) => engine_CLOUD_NAMES[c]).join(' and ')})`
            : '';
        this.#add('dns-spf-missing-include', RULES['dns-spf-missing-include'].severity, r.location, {
            message: `${r.name} SPF record does not include ${check_quote(include)}${whose}: mail that Exchange Online sends for the name fails SPF; write: ${rec.input.render({
                name: r.name,
                type: 'TXT',
                ...check_ttlOf(r),
                data: quoteTxt(withInclude(spf, include, other)),
            }, r.zone)}`,
            entry: entryOf(r),
        });
    }
    #spfAll(rec, spf) {
        const r = rec.record;
        const add = (severity, text) => this.#add('dns-spf-all', severity, r.location, {
            message: `${r.name} SPF record ${text}`,
            entry: entryOf(r),
        });
        if (spf.all === undefined && spf.redirect === undefined) {
            add('warning', 'has no "all" at its end, so mail from servers it does not list gets a neutral result; end it with "-all"');
        }
        else if (spf.all === '+') {
            add('error', 'ends with "+all", which lets every server on the internet send mail as the name');
        }
        else if (spf.all === '?') {
            add('warning', 'ends with "?all", which gives servers it does not list a neutral result, meant for testing only; end it with "-all"');
        }
        else if (spf.all === '~') {
            add('notice', 'ends with "~all", which only marks mail from servers it does not list as suspicious; Microsoft recommends "-all"');
        }
        if (spf.afterAll.length > 0) {
            add('warning', `has terms after "all" that are never evaluated: ${check_listSome(spf.afterAll.map((t) => check_quote(t.text)))}`);
        }
    }
    #spfLookups(rec, spf, resolve) {
        const r = rec.record;
        const count = countSpfLookups(spf, resolve);
        if (count.loops.length > 0) {
            this.#add('dns-spf-lookups', RULES['dns-spf-lookups'].severity, r.location, {
                message: `${r.name} SPF record has an include loop through ${check_listSome(count.loops.map(check_quote))}: receivers stop with a permanent error`,
                entry: entryOf(r),
            });
        }
        if (count.lookups > SPF_LOOKUP_LIMIT) {
            this.#add('dns-spf-lookups', RULES['dns-spf-lookups'].severity, r.location, {
                message: `${r.name} SPF record needs ${count.exact ? '' : 'at least '}${count.lookups} DNS lookups, more than the ${SPF_LOOKUP_LIMIT} allowed: receivers return a permanent error and SPF fails for all mail of the name`,
                entry: entryOf(r),
            });
        }
        for (const domain of count.unknown) {
            this.#add('dns-spf-unknown-include', RULES['dns-spf-unknown-include'].severity, r.location, {
                message: `${r.name} SPF record depends on ${check_quote(domain)}, whose own DNS lookups are not known offline: the count of ${count.lookups} is a lower bound`,
                entry: entryOf(r),
            });
        }
    }
    // ── relative targets nothing else explained ──────────────────────────────
    #relativeTargets() {
        const all = INSTANCES.flatMap((i) => cloudDnsRequirements(i).records.flatMap((r) => r.type === 'TXT' ? [] : r.values.map((v) => valuePattern(v, {}))));
        for (const rec of this.#recs) {
            if (this.#explained.has(rec))
                continue;
            const r = rec.record;
            const written = writtenTarget(r);
            if (written === undefined)
                continue;
            const microsoft = all.some((p) => p.matches(written));
            // A single label (`www`) or a private suffix is how a zone points inside itself on purpose.
            const host = (0,cjs/* parse */.qg)(written);
            if (!microsoft && (host.domain === null || !host.isIcann))
                continue;
            this.#add('dns-wrong-value', microsoft ? 'error' : 'warning', r.location, {
                message: `${check_describe(r)} target ${check_quote(written)} has no trailing dot, so it expands inside the zone to ${check_quote(targetOf(r))}; write: ${rec.input.render({ name: r.name, type: r.type, ...check_ttlOf(r), data: withTarget(r, `${written}.`) }, r.zone)}`,
                entry: entryOf(r),
            });
        }
    }
    // ── helpers ──────────────────────────────────────────────────────────────
    #served(name) {
        return (this.#byName.get(name) ?? []).filter((r) => !this.#unserved.has(r));
    }
    #add(ruleId, severity, location, rest) {
        this.#findings.push({ ruleId, severity, location, ...rest });
    }
}
/** Types that DNSSEC adds beside any record, a CNAME included. */
const DNSSEC_TYPES = new Set(['RRSIG', 'NSEC', 'NSEC3']);
function absolute(name) {
    return (name.endsWith('.') ? name : `${name}.`).toLowerCase();
}
const PATTERNS = new Map();
/**
 * Value patterns compiled once per pattern and token values: a zone with thousands of mail
 * domains shares a handful of regular expressions.
 */
function valuePattern(pattern, tokens) {
    // Only the tokens the pattern uses make it differ from one domain to the next.
    let key = pattern;
    for (const t of ['mx-token', 'domain-dashes', 'initial-domain']) {
        if (pattern.includes(`{${t}}`))
            key += `\u0000${tokens[t] ?? ''}`;
    }
    let p = PATTERNS.get(key);
    if (!p) {
        // Bounded: the per-domain patterns of a huge run must not pile up.
        if (PATTERNS.size > 10_000)
            PATTERNS.clear();
        p = new ValuePattern(pattern, tokens);
        PATTERNS.set(key, p);
    }
    return p;
}
/** `a.b.c.` → `b.c.`, `c.` */
function parentsOf(name) {
    const out = [];
    for (let i = name.indexOf('.'); i >= 0 && i < name.length - 1; i = name.indexOf('.', i + 1)) {
        out.push(name.slice(i + 1));
    }
    return out;
}
function check_ownerName(host, domain) {
    return host === '@' ? domain : `${host}.${domain}`;
}
function targetOf(r) {
    const p = r.parsed;
    switch (p.type) {
        case 'CNAME':
        case 'NS':
        case 'PTR':
            return p.target;
        case 'MX':
            return p.exchange;
        case 'SRV':
            return p.target;
        default:
            return undefined;
    }
}
/** The target as written, when the file wrote it relative to the zone. */
function writtenTarget(r) {
    if (!r.relativeTarget)
        return undefined;
    const target = targetOf(r);
    const zone = absolute(r.zone);
    if (target === undefined || !target.endsWith(`.${zone}`))
        return undefined;
    return target.slice(0, target.length - zone.length - 1);
}
/** The record's data with another target. */
function withTarget(r, target) {
    const p = r.parsed;
    if (p.type === 'MX')
        return `${p.preference} ${target}`;
    if (p.type === 'SRV')
        return `${p.priority} ${p.weight} ${p.port} ${target}`;
    return target;
}
function mxPreference(r) {
    return r.parsed.type === 'MX' ? r.parsed.preference : Number.MAX_SAFE_INTEGER;
}
function spfStrings(rec) {
    return rec.record.parsed.type === 'TXT' ? rec.record.parsed.strings : [];
}
function check_ttlOf(r) {
    return r.ttl === undefined ? {} : { ttl: r.ttl };
}
/** TXT data in presentation form: quoted, split into strings of at most 255 characters. */
function quoteTxt(text) {
    const parts = [];
    for (let i = 0; i < text.length || parts.length === 0; i += 255) {
        parts.push(`"${text.slice(i, i + 255).replace(/[\\"]/g, '\\$&')}"`);
    }
    return parts.join(' ');
}
/** "an MX", "a CNAME": the article as the letters are spoken. */
function check_article(type) {
    return /^[AEFHILMNORSX]/.test(type) ? 'an' : 'a';
}
function check_describe(r) {
    return `${r.name} ${r.type}`;
}
function entryOf(r) {
    return `${r.name} ${r.type} ${r.data}`;
}
function check_quote(text) {
    return `"${text}"`;
}
function check_where(first, here) {
    return first.file === here.file ? `line ${first.line}` : `${first.file}:${first.line}`;
}
function check_listSome(items, max = 4) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
/** `"a"`, `"a" or "b"`, `"a", "b" or "c"` */
function alternatives(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
/** What the placeholders of a suggested value stand for. */
function placeholderNote(pattern) {
    if (pattern.unresolved.length === 0)
        return '';
    return ` (replace ${pattern.unresolved.map((t) => `{${t}} with ${TOKEN_HELP[t]}`).join(', and ')})`;
}

;// CONCATENATED MODULE: ./src/pipeline.ts





function selectionOf(options) {
    return {
        instance: options.instance,
        serviceAreas: [...options.serviceAreas],
        categories: [...options.categories],
        includeOptional: options.includeOptional,
        ipv6: options.ipv6,
        ...(options.tenant ? { tenant: options.tenant } : {}),
        scenarios: [...options.scenarios],
    };
}
/**
 * files → format registries → entries and records → diff and DNS rules → one Result. The file
 * system is reached only through `root`.
 */
async function runCheck(root, options, catalogue, context = {}) {
    const errors = [];
    const reader = referencedFileReader(root);
    const parseOptions = (path, settings) => ({
        ...(settings ? { settings } : {}),
        readFile: (p) => reader(p, path),
    });
    const allowlists = await loadFiles(root, options.allowlists);
    errors.push(...allowlists.errors);
    const files = [];
    for (const file of allowlists.files) {
        const source = { path: file.path, text: file.text };
        const resolved = resolveFormat(source, file.spec.format);
        if ('error' in resolved) {
            errors.push(`${file.path}: ${resolved.error}`);
            continue;
        }
        files.push({
            parsed: resolved.format.parse(source, parseOptions(file.path, file.spec.options)),
            capabilities: resolved.format.capabilities,
            scope: file.spec.scope,
            group: file.spec.group,
        });
    }
    const zones = await loadFiles(root, options.dns, '--dns');
    errors.push(...zones.errors);
    const dnsInputs = [];
    for (const file of zones.files) {
        const source = { path: file.path, text: file.text };
        const resolved = resolveDnsFormat(source, file.spec.format);
        if ('error' in resolved) {
            errors.push(`${file.path}: ${resolved.error}`);
            continue;
        }
        const format = resolved.format;
        dnsInputs.push({
            file: format.parse(source, parseOptions(file.path, file.spec.options)),
            render: (record, zone) => format.render(record, zone),
        });
    }
    const selection = {
        ...selectionOf(options),
        ...(context.today !== undefined ? { today: context.today } : {}),
    };
    const checked = check({
        catalogue,
        selection,
        files,
        ...(context.origin ? { origin: context.origin } : {}),
    });
    const result = context.notes?.length
        ? { ...checked, notes: [...context.notes, ...checked.notes] }
        : checked;
    if (dnsInputs.length === 0 && options.domains.length === 0)
        return { result, inputErrors: errors };
    const dnsFindings = dnsInputs.flatMap(({ file }) => file.problems.map((p) => problemFinding(p)));
    dnsFindings.push(...checkDns(options.instance, dnsInputs, options.domains));
    return {
        result: {
            ...result,
            files: [
                ...result.files,
                ...dnsInputs.map(({ file }) => ({
                    path: file.path,
                    format: file.format,
                    kind: 'dns',
                    entries: file.records.length,
                })),
            ],
            findings: sortFindings([...result.findings, ...dnsFindings]),
        },
        inputErrors: errors,
    };
}

;// CONCATENATED MODULE: ./src/report/json.ts

const REPORT_VERSION = 1;
/** The JSON report (schemas/report.schema.json): stable field order, deterministic content. */
function renderJson(result) {
    return `${JSON.stringify(toReport(result), null, 2)}\n`;
}
function toReport(result) {
    const { selection } = result.catalogue;
    return {
        reportVersion: REPORT_VERSION,
        tool: 'endpoint-drift',
        catalogue: {
            instance: result.catalogue.instance,
            dataDate: result.catalogue.dataDate,
            source: result.catalogue.source,
            origin: result.catalogue.origin,
            ...(result.catalogue.version ? { version: result.catalogue.version } : {}),
            ...(result.catalogue.fetchedAt ? { fetchedAt: result.catalogue.fetchedAt } : {}),
            selection: {
                serviceAreas: selection.serviceAreas,
                categories: selection.categories,
                includeOptional: selection.includeOptional,
                ipv6: selection.ipv6,
                ...(selection.tenant ? { tenant: selection.tenant } : {}),
                scenarios: selection.scenarios,
            },
            requirements: result.catalogue.requirements,
        },
        files: result.files.map((f) => f.kind === 'dns'
            ? { path: f.path, format: f.format, kind: f.kind, records: f.entries }
            : {
                path: f.path,
                format: f.format,
                kind: f.kind,
                group: f.group,
                scope: f.scope,
                entries: f.entries,
            }),
        summary: json_summarise(result.findings),
        notes: result.notes,
        findings: result.findings.map(toJsonFinding),
    };
}
function toJsonFinding(f) {
    return {
        ruleId: f.ruleId,
        severity: f.severity,
        title: RULES[f.ruleId].title,
        message: f.message,
        file: f.location.file,
        line: f.location.line,
        column: f.location.column,
        ...(f.group !== undefined ? { group: f.group } : {}),
        ...(f.entry !== undefined ? { entry: f.entry } : {}),
        ...(f.requirement ? { requirement: f.requirement } : {}),
        ...(f.uncovered ? { uncovered: f.uncovered } : {}),
        ...(f.endpointSet !== undefined ? { endpointSet: f.endpointSet } : {}),
        ...(f.replacement ? { replacement: f.replacement } : {}),
    };
}
function json_summarise(findings) {
    const out = { error: 0, warning: 0, notice: 0, byRule: {} };
    for (const f of findings) {
        out[f.severity]++;
        out.byRule[f.ruleId] = (out.byRule[f.ruleId] ?? 0) + 1;
    }
    out.byRule = Object.fromEntries(Object.entries(out.byRule).sort(([a], [b]) => (a < b ? -1 : 1)));
    return out;
}

;// CONCATENATED MODULE: ./src/report/catalogue.ts
const ORIGIN_TEXT = {
    embedded: 'embedded',
    snapshot: 'snapshot',
    live: 'live from the web service',
    cache: 'cached web-service data',
};
/** One line saying which catalogue a check used: origin, version and date, and where it came from. */
function describeCatalogue(c) {
    const version = c.version ? `version ${c.version}, ` : '';
    const fetched = c.fetchedAt ? `, fetched ${c.fetchedAt.slice(0, 10)}` : '';
    // A snapshot is a file of the repository: nothing of it reaches a terminal as a control character.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    const source = c.source.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
    return `${ORIGIN_TEXT[c.origin]}, ${version}data of ${c.dataDate}${fetched} (${source})`;
}

;// CONCATENATED MODULE: ./src/report/group.ts


/**
 * Groups findings per file, then per rule and endpoint set, most severe first. Pure: the input
 * order does not matter and the output is deterministic.
 */
function groupFindings(findings, options = {}) {
    const min = severityRank(options.minSeverity ?? 'notice');
    const hidden = { error: 0, warning: 0, notice: 0 };
    const byFile = new Map();
    const totals = new Map();
    for (const f of findings) {
        if (severityRank(f.severity) < min) {
            hidden[f.severity]++;
            continue;
        }
        let groups = byFile.get(f.location.file);
        if (!groups)
            byFile.set(f.location.file, (groups = new Map()));
        const key = `${f.ruleId}\u0000${f.severity}\u0000${f.endpointSet ?? ''}`;
        const list = groups.get(key);
        if (list)
            list.push(f);
        else
            groups.set(key, [f]);
        let t = totals.get(f.ruleId);
        if (!t)
            totals.set(f.ruleId, (t = { error: 0, warning: 0, notice: 0 }));
        t[f.severity]++;
    }
    const files = [...byFile.keys()].sort().map((file) => ({
        file,
        groups: [...byFile.get(file).values()]
            .map((list) => {
            const sorted = [...list].sort(byLocation);
            const first = sorted[0];
            return {
                ruleId: first.ruleId,
                severity: first.severity,
                ...(first.endpointSet !== undefined ? { endpointSet: first.endpointSet } : {}),
                findings: sorted,
            };
        })
            .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) ||
            compareText(a.ruleId, b.ruleId) ||
            byLocation(a.findings[0], b.findings[0]) ||
            compareText(a.endpointSet ?? '', b.endpointSet ?? '')),
    }));
    return {
        files,
        totals: [...totals]
            .map(([ruleId, t]) => ({ ruleId, ...t }))
            .sort((a, b) => worst(b) - worst(a) ||
            b.error + b.warning + b.notice - (a.error + a.warning + a.notice) ||
            compareText(a.ruleId, b.ruleId)),
        hidden,
    };
}
/** What one finding is about: the required pattern or prefix, else the entry as written. */
function subject(f) {
    return f.requirement?.pattern ?? f.entry ?? f.message;
}
/**
 * One line for a group of findings of one endpoint set: "18 names and 12 prefixes missing:
 * login.microsoftonline.com, … and 26 more". Undefined for groups that are better listed one by one
 * (a single finding, or findings about entries).
 */
function groupHeadline(g, max = 4) {
    if (g.findings.length < 2 || g.endpointSet === undefined)
        return undefined;
    let names = 0;
    let prefixes = 0;
    for (const f of g.findings) {
        if (f.requirement?.kind === 'ip')
            prefixes++;
        else
            names++;
    }
    const what = [
        names > 0 ? `${names} name${names === 1 ? '' : 's'}` : '',
        prefixes > 0 ? `${prefixes} prefix${prefixes === 1 ? '' : 'es'}` : '',
    ]
        .filter(Boolean)
        .join(' and ');
    const verb = VERBS[g.ruleId] ?? 'reported';
    return `${g.endpointSet}: ${what} ${verb}: ${group_listSome(g.findings.map(subject), max)}`;
}
/** How a headline says what happened to the requirements of a set. */
const VERBS = {
    'missing-endpoint': 'missing',
    'partially-covered': 'only partly allowed',
};
/** One line per rule: "missing-endpoint: 3 errors, 12 warnings". */
function totalLine(t) {
    const parts = SEVERITIES.filter((s) => t[s] > 0).map((s) => count(t[s], s));
    return `${t.ruleId}: ${parts.join(', ')}`;
}
/** "1 error", "2 warnings", "1 entry", "3 entries". */
function count(n, noun) {
    if (n === 1)
        return `1 ${noun}`;
    return `${n} ${noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}
function group_listSome(items, max = 4) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')}, … and ${items.length - max} more`;
}
function worst(t) {
    return t.error > 0 ? 3 : t.warning > 0 ? 2 : 1;
}
function byLocation(a, b) {
    return (compareLocations(a.location, b.location) ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.message, b.message));
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/report/text.ts





/** Findings of an entry rule shown per file before "… and N more". */
const MAX_PER_GROUP = 5;
/**
 * Text for a terminal or a CI log: per file, most severe first, the findings of one rule and
 * endpoint set on one line (`--verbose`: one line each), then a total per rule when not every
 * finding has its own line (or with `--verbose`, where there are many).
 */
function renderText(result, options = {}) {
    const paint = options.color ? ansi : plain;
    const lines = [];
    const { catalogue } = result;
    lines.push(`endpoint-drift: ${engine_CLOUD_NAMES[catalogue.selection.instance]} catalogue (data ${catalogue.dataDate}), ` +
        `${catalogue.requirements.hosts} host and ${catalogue.requirements.ips} address requirements; ` +
        `${count(result.files.length, 'file')}, ` +
        `${count(result.files.reduce((n, f) => n + f.entries, 0), 'entry')}`, `catalogue: ${describeCatalogue(catalogue)}`);
    const grouped = groupFindings(result.findings, {
        ...(options.minSeverity ? { minSeverity: options.minSeverity } : {}),
    });
    const line = (f, message = f.message) => `  ${formatLocation(f.location)}  ${paint[f.severity](f.severity.padEnd(7))} ${f.ruleId}  ${message}`;
    // Totals per rule are worth their lines once the report no longer shows every finding.
    let collapsed = options.verbose === true;
    for (const { file, groups } of grouped.files) {
        lines.push('', paint.bold(file));
        for (const g of groups) {
            const headline = options.verbose ? undefined : groupHeadline(g);
            if (headline !== undefined) {
                lines.push(line(g.findings[0], headline));
                collapsed = true;
                continue;
            }
            const shown = options.verbose || g.findings.length <= MAX_PER_GROUP + 1
                ? g.findings
                : g.findings.slice(0, MAX_PER_GROUP);
            for (const f of shown)
                lines.push(line(f));
            if (shown.length < g.findings.length)
                collapsed = true;
            if (shown.length < g.findings.length)
                lines.push(`  … and ${g.findings.length - shown.length} more ${g.ruleId} ${g.severity}s (--verbose lists them)`);
        }
    }
    for (const note of result.notes)
        lines.push('', `note: ${note}`);
    if (collapsed && grouped.totals.length > 1) {
        lines.push('');
        for (const t of grouped.totals)
            lines.push(totalLine(t));
    }
    const s = json_summarise(result.findings);
    const hidden = ['warning', 'notice']
        .filter((sev) => grouped.hidden[sev] > 0)
        .map((sev) => count(grouped.hidden[sev], sev));
    lines.push('', `${count(s.error, 'error')}, ${count(s.warning, 'warning')}, ${count(s.notice, 'notice')}` +
        (hidden.length > 0
            ? ` (${hidden.join(' and ')} not shown: --min-severity ${options.minSeverity})`
            : ''));
    return `${lines.join('\n')}\n`;
}
const plain = { bold: (s) => s, error: (s) => s, warning: (s) => s, notice: (s) => s };
const ansi = {
    bold: (s) => `\u001b[1m${s}\u001b[22m`,
    error: (s) => `\u001b[31m${s}\u001b[39m`,
    warning: (s) => `\u001b[33m${s}\u001b[39m`,
    notice: (s) => `\u001b[36m${s}\u001b[39m`,
};

;// CONCATENATED MODULE: ./src/cli.ts


















/** Runs the CLI and returns the exit status; the only place besides the action that decides one. */
async function run(argv, io) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h') {
        io.stdout(cli_help/* HELP */._$);
        return command === undefined ? 2 : 0;
    }
    if (command === 'help') {
        const topic = rest[0];
        if (topic === undefined) {
            io.stdout(cli_help/* HELP */._$);
            return 0;
        }
        const text = cli_help/* COMMAND_HELP */.Ql[topic];
        if (text === undefined) {
            io.stderr(`endpoint-drift help: unknown command "${topic}"${didYouMean(topic, cli_help/* COMMANDS */.Lo)} (commands: ${cli_help/* COMMANDS */.Lo.join(', ')})\n`);
            return 2;
        }
        io.stdout(text);
        return 0;
    }
    // `endpoint-drift check --help`: the command's own help, whatever else is on the line.
    if (cli_help/* COMMANDS */.Lo.includes(command) &&
        rest.some((a) => a === '--help' || a === '-h')) {
        io.stdout(cli_help/* COMMAND_HELP */.Ql[command]);
        return 0;
    }
    if (command === '--version' || command === '-V') {
        io.stdout(`${cli_help/* VERSION */.xv}\n`);
        return 0;
    }
    if (command === 'scenarios') {
        for (const row of EMBEDDED_CATALOGUE.otherEndpoints) {
            if (row.part !== undefined &&
                row !== EMBEDDED_CATALOGUE.otherEndpoints.find((r) => r.scenario === row.scenario))
                continue;
            io.stdout(`${row.scenario.padEnd(40)} row ${row.row}: ${row.purpose}\n`);
        }
        return scenarioIds(EMBEDDED_CATALOGUE).length > 0 ? 0 : 1;
    }
    if (command === 'formats') {
        io.stdout('Allowlists:\n');
        for (const f of ALLOWLIST_FORMATS)
            io.stdout(`  ${f.id.padEnd(21)} ${f.title} (${f.filePatterns.join(', ')})\n`);
        io.stdout('DNS record files:\n');
        for (const f of DNS_FORMATS)
            io.stdout(`  ${f.id.padEnd(21)} ${f.title} (${f.filePatterns.join(', ')})\n`);
        return 0;
    }
    if (command === 'catalogue')
        return catalogueCommand(rest, io);
    if (command !== 'check') {
        io.stderr(command.startsWith('-')
            ? `endpoint-drift: "${command}" comes before a command; write endpoint-drift check ${command} (see --help)\n`
            : `endpoint-drift: unknown command "${command}"${didYouMean(command, cli_help/* COMMANDS */.Lo)} (commands: ${cli_help/* COMMANDS */.Lo.join(', ')}; see --help)\n`);
        return 2;
    }
    try {
        return await cli_check(rest, io);
    }
    catch (e) {
        if (e instanceof cli_UsageError || e instanceof ConfigError || e instanceof SnapshotError) {
            io.stderr(`${e instanceof SnapshotError ? 'endpoint-drift: ' : ''}${e.message}\n`);
            return 2;
        }
        throw e;
    }
}
class cli_UsageError extends Error {
}
async function cli_check(argv, io) {
    const args = parseCheckArgs(argv);
    const root = external_node_path_default().resolve(io.cwd, args.root ?? '.');
    const rootStat = await (0,promises_.stat)(root).catch(() => undefined);
    if (!rootStat?.isDirectory())
        throw new cli_UsageError(`endpoint-drift check: --root ${args.root ?? '.'} ${rootStat ? 'is not a directory' : 'does not exist'}`);
    // A relative --config is inside the repository, like every other path.
    const config = await readConfigFile(root, args.config);
    const overrides = Object.fromEntries(OPTION_NAMES.map((n) => [n, args.options[n]]));
    const options = resolveOptions(config, overrides, args.allowlists, args.dns);
    if (options.allowlists.length === 0 && options.dns.length === 0 && options.domains.length === 0)
        throw new cli_UsageError(`endpoint-drift: nothing to check: give --allowlist PATH or --dns PATH, or list them under "allowlists" or "dns" in ${config?.path ?? DEFAULT_CONFIG}`);
    const now = io.now?.() ?? new Date();
    const flag = args.options.catalogue;
    // A path given on the command line is the user's own: relative to the working directory, and
    // allowed outside the repository.
    const fromFlag = flag !== undefined && flag !== 'embedded' && flag !== 'live';
    const source = await chooseCatalogue(root, fromFlag ? { ...options, catalogue: external_node_path_default().resolve(io.cwd, flag) } : options, {
        now,
        trustedPath: fromFlag,
        ...(args.serviceUrl ? { serviceUrl: args.serviceUrl } : {}),
        ...(io.fetch ? { fetch: io.fetch } : {}),
        ...(io.sleep ? { sleep: io.sleep } : {}),
    });
    for (const w of source.warnings)
        io.stderr(`endpoint-drift: warning: ${w}\n`);
    const { result, inputErrors } = await runCheck(root, options, source.catalogue, {
        origin: source.origin,
        today: now.toISOString().slice(0, 10),
        notes: source.notes,
    });
    io.stdout(args.format === 'json'
        ? renderJson(result)
        : renderText(result, {
            color: io.color ?? false,
            verbose: args.verbose,
            minSeverity: options.minSeverity,
        }));
    if (args.output)
        await (0,promises_.writeFile)(external_node_path_default().resolve(io.cwd, args.output), renderJson(result));
    for (const e of inputErrors)
        io.stderr(`endpoint-drift: ${e}\n`);
    if (inputErrors.length > 0)
        return 2;
    if (options.failOn === 'never')
        return 0;
    const threshold = severityRank(options.failOn);
    return result.findings.some((f) => severityRank(f.severity) >= threshold) ? 1 : 0;
}
const BOOLEAN_FLAGS = ['include-optional', 'ipv6'];
const CHECK_FLAGS = [
    '--config',
    '--root',
    '--allowlist',
    '--dns',
    '--format',
    '--output',
    '--verbose',
    '--no-ipv6',
    '--help',
];
function parseCheckArgs(argv) {
    // Boolean options accept `--ipv6`, `--ipv6=false` and `--no-ipv6`, like the config's true/false.
    const normalised = argv.map((a, i) => {
        const next = argv[i + 1];
        for (const b of BOOLEAN_FLAGS) {
            if (a === `--${b}` && (next === undefined || next.startsWith('-')))
                return `--${b}=true`;
            if (a === `--no-${b}`)
                return `--${b}=false`;
        }
        return a;
    });
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: normalised,
            strict: true,
            allowPositionals: false,
            options: {
                config: { type: 'string' },
                root: { type: 'string' },
                allowlist: { type: 'string', multiple: true },
                dns: { type: 'string', multiple: true },
                format: { type: 'string' },
                output: { type: 'string' },
                'service-url': { type: 'string' },
                verbose: { type: 'boolean' },
                ...Object.fromEntries(OPTION_NAMES.map((n) => [n, { type: 'string' }])),
            },
        });
    }
    catch (e) {
        const message = e.message.split('\n')[0];
        const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
        const flags = [...CHECK_FLAGS, ...OPTION_NAMES.map((n) => `--${n}`)];
        throw new cli_UsageError(unknown !== undefined
            ? `endpoint-drift check: unknown option "${unknown}"${didYouMean(unknown.replace(/=.*$/, ''), flags)} (see endpoint-drift check --help)`
            : `endpoint-drift check: ${message} (see endpoint-drift check --help)`);
    }
    const v = parsed.values;
    const format = v.format ?? 'text';
    if (format !== 'text' && format !== 'json')
        throw new cli_UsageError(`endpoint-drift check: --format must be text or json, got "${format}"`);
    return {
        ...(v.config !== undefined ? { config: v.config } : {}),
        ...(v.root !== undefined ? { root: v.root } : {}),
        ...(v.output !== undefined ? { output: v.output } : {}),
        ...(v['service-url'] !== undefined ? { serviceUrl: v['service-url'] } : {}),
        verbose: v.verbose === true,
        allowlists: v.allowlist ?? [],
        dns: v.dns ?? [],
        format,
        options: Object.fromEntries(OPTION_NAMES.map((n) => [n, v[n]])),
    };
}


/***/ })

};
